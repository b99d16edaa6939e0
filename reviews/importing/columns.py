"""The columns of a review's action plan file: one row per action. The upload page and the command show them."""

import textwrap
from collections.abc import Callable
from dataclasses import dataclass

from objectives.importing.cells import CellError, quoted, read_date, read_text

# Far above any real review, and well inside the database's integer.
MAX_RECOMMENDATION = 999


def read_recommendation_number(value) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= MAX_RECOMMENDATION:
        raise CellError(f"{quoted(value)} is not a recommendation number; write a whole number such as 2.")
    return int(text)


@dataclass(frozen=True)
class Column:
    """A column: its heading, whether every row needs it, what it holds, how a cell is read, and (for a required
    column) what an empty cell's message says every row needs."""

    name: str
    required: bool
    holds: str
    reader: Callable = read_text
    needs: str = ""


COLUMNS = (
    Column(
        "recommendation",
        True,
        "The recommendation’s number, such as 2.",
        read_recommendation_number,
        "its recommendation’s number, such as 2",
    ),
    Column(
        "recommendation_text",
        False,
        "The recommendation’s text. Needed on the first row of a recommendation the review does not have yet; "
        "later rows may leave it empty or repeat it. For a recommendation the review has already, it must be "
        "empty or the same as the register’s text: the import never changes a recommendation’s text.",
    ),
    Column(
        "recommendation_agencies",
        False,
        "The agencies the recommendation is for, by name or short name, separated by “;” or “,”. "
        "Agencies a recommendation already has are kept; new ones are added.",
    ),
    Column("action", True, "The action’s text.", needs="the action’s text"),
    Column(
        "lead_agency",
        True,
        "The agency or agencies that lead the action, in the same way, such as Police; Health.",
        needs="the agency or agencies that lead the action, such as Police; Health",
    ),
    Column("target_date", False, "When the action is due: 2026-03-31, 31/03/2026, 2026-03 or March 2026.", read_date),
    Column(
        "plan",
        False,
        "The business plan whose progress rounds the action reports in, such as 2025/26. Empty: the latest plan.",
    ),
)
NAMES = tuple(column.name for column in COLUMNS)
REQUIRED = tuple(column.name for column in COLUMNS if column.required)
OPTIONAL = tuple(column.name for column in COLUMNS if not column.required)
assert all(column.needs for column in COLUMNS if column.required), "an empty required cell's message says what it needs"
COLUMNS_ARE = f"The columns are {', '.join(REQUIRED)} and (optional) {', '.join(OPTIONAL)}."

RULES = (
    "The first row names the columns, in any order; then one row per action.",
    "Actions get references from the review’s prefix, such as CS-2.1 for recommendation 2’s first action.",
    "An action the recommendation already has (the same text, ignoring case and spacing) is left as it is "
    "and listed as already there, so importing the same file again adds nothing.",
    "All or nothing: if any row has a problem, nothing is imported, and every problem is listed by row.",
)


def describe(width: int = 79) -> str:
    """The format in plain text, a paragraph per column and rule, for the command's help."""
    lines = ["Columns (named in the first row, in any order):"]
    for column in COLUMNS:
        holds = column.holds if column.required else f"(optional) {column.holds}"
        lines += textwrap.wrap(holds, width, initial_indent=f"  {column.name}: ", subsequent_indent="    ")
    lines.append("Rules:")
    for rule in RULES:
        lines += textwrap.wrap(rule, width, initial_indent="  - ", subsequent_indent="    ")
    return "\n".join(lines)
