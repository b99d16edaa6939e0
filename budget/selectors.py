"""The year's budget as the budget page, the paper and the yearly report print it: in two queries."""

from dataclasses import dataclass
from decimal import Decimal

from .models import PartnerContribution, SpendLine


@dataclass(frozen=True)
class Budget:
    contributions: list[PartnerContribution]
    spend_lines: list[SpendLine]

    @property
    def is_empty(self) -> bool:
        return not self.contributions and not self.spend_lines

    @property
    def pooled(self) -> Decimal:
        """The pooled budget: the money every partner agreed to put in."""
        return sum((row.agreed for row in self.contributions), Decimal("0"))

    @property
    def paid(self) -> Decimal:
        return sum((row.paid for row in self.contributions), Decimal("0"))

    @property
    def outstanding(self) -> Decimal:
        return sum((row.outstanding for row in self.contributions), Decimal("0"))

    @property
    def in_kind_value(self) -> Decimal:
        return sum((row.in_kind_value or Decimal("0") for row in self.contributions), Decimal("0"))

    @property
    def budgeted(self) -> Decimal:
        return sum((line.budgeted for line in self.spend_lines), Decimal("0"))

    @property
    def spent(self) -> Decimal:
        return sum((line.spent for line in self.spend_lines), Decimal("0"))

    @property
    def balance(self) -> Decimal:
        """Money paid in less money spent; negative when the year overspent what came in."""
        return self.paid - self.spent


def budget_for(plan) -> Budget:
    contributions = list(
        PartnerContribution.objects.filter(plan=plan).select_related("agency").order_by("agency__name")
    )
    spend_lines = list(SpendLine.objects.filter(plan=plan))
    return Budget(contributions=contributions, spend_lines=spend_lines)
