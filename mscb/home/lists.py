"""A list on the home page: how many things there are, and the first few of them."""

from dataclasses import dataclass, field

# Enough to act on from the home page; the link beside each list leads to the rest.
FIRST_FEW = 5


@dataclass
class Listing:
    items: list = field(default_factory=list)
    shown: int = FIRST_FEW

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def first(self) -> list:
        return self.items[: self.shown]

    @property
    def more(self) -> int:
        """How many are left out of `first`."""
        return max(self.count - self.shown, 0)
