"""The committee table's columns as the HTML, the PDF and Word draw them, and the badge colours they need.

Read from the Paper alone (never the plan), so a published paper lays out as it did when it was published.
"""

import re
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe

from core import rating

from ..models.shapes import ReportColumn
from .snapshot import LEGACY_COLUMNS, Paper

# Each column's share of the table's width; the progress column takes what the others leave.
_SHARES = {"ref": 0.07, "action": 0.24, "lead": 0.12, "target": 0.10, "success_measure": 0.14, "rating": 0.09}
# The widths papers had before plans chose their columns: Ref 8%, Action 32%, progress 60%.
_LEGACY_SHARES = {"ref": 0.08, "action": 0.32, "progress": 0.60}


@dataclass(frozen=True)
class Column:
    key: str
    heading: str
    # Of the table's width; the progress column's is what is left.
    share: float

    @property
    def css_class(self) -> str:
        return f"report-col-{self.key.replace('_', '-')}"


@dataclass(frozen=True)
class TableLayout:
    columns: tuple[Column, ...]
    # The plan rates its actions (any scale but "none").
    rated: bool
    # Which columns are there, for templates: {% if table.shows.lead %}.
    shows: dict
    # Ref / Action / progress as papers always had it, with its own widths in report.css.
    is_legacy: bool = False

    @property
    def width(self) -> int:
        return len(self.columns)

    @property
    def css_class(self) -> str:
        return "" if self.is_legacy else "report-table-chosen"

    def success_measure_note(self, row) -> str:
        """A row's success measure, printed under the action when the table has no column for it; else ""."""
        if row.success_measure and not self.shows.get("success_measure"):
            return f"Success measure: {row.success_measure}"
        return ""

    def notes_without_a_column(self, row) -> list[str]:
        """What of a row's lead and target this table has no column for, then its status: printed under the action."""
        notes = [] if self.shows.get("lead") else list(row.lead_notes)
        if row.target and not self.shows.get("target"):
            notes.append(f"Target: {row.target}")
        if row.status:
            notes.append(f"Status: {row.status}")
        return notes


def table_layout(paper: Paper, *, columns: tuple[str, ...] | None = None, action_heading: str = "") -> TableLayout:
    """The paper's committee table, or with `columns` a section's table of actions in the same style."""
    keys = [key for key in (columns or paper.columns) if key != "rating" or paper.is_rated]
    legacy = tuple(keys) == LEGACY_COLUMNS
    shares = _LEGACY_SHARES if legacy else _SHARES
    headings = {
        **{column.value: column.label for column in ReportColumn},
        "action": action_heading or paper.action_name,
        "progress": paper.progress_column_heading,
    }
    taken = sum(shares.get(key, 0) for key in keys if key != "progress")
    listed = tuple(
        Column(key, headings[key], shares.get(key, 0) if key != "progress" else max(1 - taken, 0.2)) for key in keys
    )
    return TableLayout(listed, rated=paper.is_rated, shows=dict.fromkeys(keys, True), is_legacy=legacy)


def section_layout(progress_heading: str) -> TableLayout:
    """A later section's table of actions (case reviews, CDOP), as papers have always drawn it: Ref, Action, progress.

    For Word, which writes a section from its stored data alone; a row with no rating label prints no badge.
    """
    headings = {"ref": "Ref", "action": "Action", "progress": progress_heading}
    columns = tuple(Column(key, headings[key], _LEGACY_SHARES[key]) for key in LEGACY_COLUMNS)
    return TableLayout(columns, rated=True, shows=dict.fromkeys(LEGACY_COLUMNS, True), is_legacy=True)


# Only what core.rating makes may reach a <style> element: class names and hex colours.
_CLASS = re.compile(r"^[A-Za-z0-9_-]+$")
_HEX = re.compile(r"^[0-9A-Fa-f]{6}$")


def badge_css(paper: Paper) -> SafeString:
    """The paper's badge colours as CSS (core.rating.css_rules), from its own key so a published paper keeps them.

    Older snapshots use the RAG classes every stylesheet already has, and the "No update" badge keeps its own.
    """
    if paper.key is None:
        return mark_safe("")
    levels = tuple(entry for entry in paper.key if entry.value and _is_plain(entry))
    # Safe: only checked class names and hex colours go in.
    return mark_safe(rating.css_rules([rating.Scale("paper", "", levels)]))


def _is_plain(entry: rating.Rating) -> bool:
    colours = [entry.fill, entry.text] + ([entry.border] if entry.border else [])
    return bool(_CLASS.match(entry.css_class)) and all(_HEX.match(colour) for colour in colours)
