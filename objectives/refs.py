"""Plan references such as "1.1.10", and the key that sorts them naturally."""

import re

from django.core.validators import RegexValidator

REF_PATTERN = r"^\d+(\.\d+)*$"

validate_ref = RegexValidator(
    REF_PATTERN,
    message="A reference is numbers separated by full stops, such as 1.2 or 1.2.3.",
)

# Wide enough for any reference a board will write; each number is padded to this width.
_PART_WIDTH = 6


def natural_sort_key(ref: str) -> str:
    """A string that sorts like the reference reads: 1.1.9 before 1.1.10.

    Stored in a column so the database can order and paginate by it.
    """
    parts = re.split(r"(\d+)", ref.strip())
    return "".join(part.zfill(_PART_WIDTH) if part.isdigit() else part for part in parts)


def parent_ref(ref: str) -> str:
    """The reference one level up: 1.2 for 1.2.3, 1 for 1.2."""
    return ref.rsplit(".", 1)[0]
