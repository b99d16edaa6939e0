"""What a spreadsheet cell may hold, and how each column's cells are read."""

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError

from core.rating import RAG, Rating, Scale
from core.responses import FORMULA_STARTS
from objectives.dates import DateFormatError, parse_flexible_date
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


def read_aim_ref(value) -> str:
    """An aim's (priority's, theme's) reference as typed: "1", "1a", "P1"; Excel's 1 or 1.0 is "1"."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return read_ref(value)


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


def read_target(value) -> tuple[date, bool] | str:
    """The target date and whether only its month was given; or, for words that are not a date, the words.

    "Across financial year 2026/27" is a timescale; "31/02/2026" looks like a date and is a mistake.
    """
    try:
        return parse_flexible_date(value)
    except DateFormatError as error:
        text = read_text(value)
        if _looks_like_a_date(text):
            raise CellError(str(error)) from None
        return text


# Month names in English, as parse_flexible_date reads them (not the locale's).
_MONTHS = {name.casefold() for name in (*calendar.month_name[1:], *calendar.month_abbr[1:])}


def _looks_like_a_date(text: str) -> bool:
    """Only numbers and month names, such as 31/02/2026 or March 0000: a date mistyped, not words."""
    parts = [part for part in re.split(r"[\s/.,-]+", text.casefold()) if part]
    return any(part.isdigit() for part in parts) and all(part.isdigit() or part in _MONTHS for part in parts)


def read_count(value) -> int:
    text = read_text(value)
    if not (text.isascii() and text.isdigit()):
        raise CellError(f"{quoted(value)} is not a count; write a whole number such as 0 or 2.")
    return int(text)


def _rating_key(text: str) -> str:
    return " ".join(text.replace("_", " ").replace("-", " ").casefold().split())


# Words boards wrote in RAG columns before plans had other scales: complete in blue, or just the letter.
_RAG_SYNONYMS = {"blue": "complete", "completed": "complete", "r": "red", "a": "amber", "g": "green"}


def find_rating(scale: Scale, text: str) -> Rating | None:
    """The level of the scale that `text` names: its code or label (scale.find), ignoring case, spaces, "_" and
    "-"; or its label without the code in front ("Slipped" for "3 Slipped"); or, on RAG, the old synonyms."""
    found = scale.find(text)
    if found is not None:
        return found
    wanted = _rating_key(text)
    if scale.name == RAG.name:
        wanted = _RAG_SYNONYMS.get(wanted, wanted)
    for level in scale.levels:
        code, label = _rating_key(level.value), _rating_key(level.label)
        if wanted in (code, label) or (label.startswith(code + " ") and wanted == label.removeprefix(code + " ")):
            return level
    return None


def rating_reader(scale: Scale) -> Callable[[object], str]:
    """A reader of the rating column for a plan on this scale: the level's code, or a CellError saying what to write."""

    def read_rating(value) -> str:
        if scale.is_none:
            raise CellError(
                f"{quoted(read_text(value))}: this plan has no rating scale, so it takes no ratings; "
                "leave the rating column empty."
            )
        found = find_rating(scale, read_text(value))
        if found is None:
            raise CellError(
                f"{quoted(read_text(value))} is not a rating on this plan’s scale ({scale.title}); "
                f"write {scale.allowed}, or leave it empty."
            )
        return found.value

    return read_rating


read_rag = rating_reader(RAG)
"""The RAG scale's reader, for the Word reader's guess whether a line states a rating."""


def read_agency_names(value) -> list[str]:
    """The names between semicolons, without empty ones or repeats (ignoring case)."""
    names: dict[str, str] = {}
    for part in str(value).split(";"):
        name = part.strip()
        if name:
            names.setdefault(name.casefold(), name)
    return list(names.values())
