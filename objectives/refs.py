"""Plan references such as "1.1.10", and the key that sorts them naturally.

Actions that come from elsewhere than an objective (a case review's, the child death overview panel's)
carry a prefix that names their source, such as "CS-1.2" for Child S's recommendation 1, action 2.
"""

import re

from django.core.validators import RegexValidator

REF_PATTERN = r"^([A-Z][A-Z0-9]{0,9}-)?\d+(\.\d+)*$"

validate_ref = RegexValidator(
    REF_PATTERN,
    message="A reference is numbers separated by full stops, such as 1.2 or 1.2.3, or CS-1.2 for a review's action.",
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


def nesting_problem(ref: str, parent: str, kind: str) -> str | None:
    """Why `ref` cannot sit under `parent` ("1.2.3" sits under "1.2"), or None if it can.

    `kind` names the parent in the message: "aim" or "objective".
    """
    if parent_ref(ref) == parent and ref.count(".") == parent.count(".") + 1:
        return None
    child = "An objective" if kind == "aim" else "An action"
    return f"{child} of {kind} {parent} has a reference such as {parent}.1."
