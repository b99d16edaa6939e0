"""Plan references as the board types them ("1.1.10", "1a", "P1"), and the key that sorts them naturally.

Actions that come from elsewhere than an objective (a case review's, the child death overview panel's)
carry a prefix that names their source, such as "CS-1.2" for Child S's recommendation 1, action 2.
"""

import re

from django.core.validators import RegexValidator

# What a board types: "1.1.3", "1a", "P1", "5", "CS-2.1". Letters, digits, full stops, hyphens and slashes,
# starting with a letter or digit; no spaces, so a reference reads as one word in a sentence.
REF_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9./-]*$"

validate_ref = RegexValidator(
    REF_PATTERN,
    message=(
        "A reference is letters and numbers, with full stops or hyphens between them and no spaces, "
        "such as 1.2.3, 1a, P1 or CS-1.2."
    ),
)

# Wide enough for any reference a board will write; each number is padded to this width.
_PART_WIDTH = 6


def natural_sort_key(ref: str) -> str:
    """A string that sorts like the reference reads: 1.1.9 before 1.1.10.

    Stored in a column so the database can order and paginate by it.
    """
    parts = re.split(r"(\d+)", str(ref).strip())
    return "".join(part.zfill(_PART_WIDTH) if part.isdigit() else part.casefold() for part in parts)


def parent_ref(ref: str) -> str:
    """The reference one level up: 1.2 for 1.2.3, 1 for 1.2."""
    return ref.rsplit(".", 1)[0]
