"""What a spreadsheet cell may hold, and how each column's cells are read."""

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError

from core.responses import FORMULA_STARTS
from objectives.dates import DateFormatError, parse_flexible_date
from objectives.models import ProgressUpdate
from objectives.refs import validate_ref


class CellError(ValueError):
    """A cell that cannot be read; the message says why and what to write instead."""


@dataclass(frozen=True)
class SheetRow:
    """A row's cells as the file holds them, and the row number the spreadsheet shows (the header is row 1).

    A row read from a Word table also says where it is ("table 3, row 5"), as Word numbers no rows.
    """

    number: int
    cells: tuple
    place: str = ""


@dataclass(frozen=True)
class Unreadable:
    """A cell whose value cannot be imported as it stands, such as a formula."""

    reason: str


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quoted(value) -> str:
    return f"“{shorten(str(value))}”"


def unguard_formula(text: str) -> str:
    """The text without the one apostrophe `core.responses.guard_formula` put before a formula-like start.

    Such as "'- bullet" from an export, which comes back as "- bullet".
    """
    stripped = text.strip()
    if stripped.startswith("'") and stripped[1:].lstrip("'").startswith(FORMULA_STARTS):
        return stripped[1:]
    return text


def read_text(value) -> str:
    """The text as typed, without the spaces and line breaks around it (as the web forms store it)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, date):
        value = value.date() if isinstance(value, datetime) else value
        value = value.isoformat()
    return str(value).strip()


def read_aim_number(value) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise CellError(f"{quoted(value)} is not an aim number; write a whole number such as 1.")
    return int(text)


def read_ref(value) -> str:
    # Excel keeps an objective typed as 1.1 as a number; its shortest form is what was typed.
    text = repr(value) if isinstance(value, float) else str(value).strip()
    try:
        validate_ref(text)
    except ValidationError as error:
        raise CellError(f"{quoted(text)} is not a reference. {error.messages[0]}") from None
    return text


def read_date(value) -> tuple[date, bool]:
    """The date, and whether only its month was given."""
    try:
        return parse_flexible_date(value)
    except DateFormatError as error:
        raise CellError(str(error)) from None


def _rag_key(text: str) -> str:
    return " ".join(text.replace("_", " ").replace("-", " ").lower().split())


_RAGS = {_rag_key(value): value for value in ProgressUpdate.Rag.values}
_RAGS |= {_rag_key(label): value for value, label in ProgressUpdate.Rag.choices}
# Boards often show complete actions in blue, and write "completed" as often as "complete".
_RAGS |= {"blue": ProgressUpdate.Rag.COMPLETE, "completed": ProgressUpdate.Rag.COMPLETE}
# A RAG column often holds just the letter.
_RAGS |= {"r": ProgressUpdate.Rag.RED, "a": ProgressUpdate.Rag.AMBER, "g": ProgressUpdate.Rag.GREEN}


def read_rag(value) -> str:
    rag = _RAGS.get(_rag_key(str(value)))
    if rag is None:
        raise CellError(f"{quoted(value)} is not a RAG; write red, amber, green, complete (or blue) or not started.")
    return rag


def read_agency_names(value) -> list[str]:
    """The names between semicolons, without empty ones or repeats (ignoring case)."""
    names: dict[str, str] = {}
    for part in str(value).split(";"):
        name = part.strip()
        if name:
            names.setdefault(name.casefold(), name)
    return list(names.values())
