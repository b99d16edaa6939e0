"""An action read from a Word plan's rows, and the import's rows it gives, in the columns of the plan's shape.

The columns are the spreadsheet import's (columns.PLAN_COLUMNS), less the levels the plan's shape does not have
and the ones a document never gives (a slipped target's original, the times it slipped). A timescale in words
goes in target_date, which the checker keeps as the timescale when it is not a date.
"""

from dataclasses import dataclass, field

from docx.table import _Cell

from . import word_text
from .cells import SheetRow
from .columns import PLAN_COLUMNS, absent_level_columns
from .word_columns import Column
from .word_headings import Heading
from .word_lines import split_action, split_progress, stated_rating

_NEVER_IN_A_DOCUMENT = {"original_target_date", "times_slipped", "timescale"}


@dataclass
class WordAction:
    place: str
    aim: Heading | None
    objective: Heading | None
    ref: str
    # The header's progress rounds, as written ("December 2025"); "" for a progress column without a date.
    rounds: list[str]
    cells: dict[Column, list[word_text.Para]] = field(default_factory=dict)
    # The Word cells read so far, so a cell merged down over the next row is read once. Keeping the
    # elements (not only their ids) keeps lxml's proxies alive, so an id is never reused meanwhile.
    seen: dict[int, object] = field(default_factory=dict)

    def has(self, cell: _Cell) -> bool:
        return id(cell._tc) in self.seen

    def mark(self, cell: _Cell):
        self.seen[id(cell._tc)] = cell._tc

    def add(self, cells: dict[Column, list[_Cell]], styles: dict[str, str]):
        for key, column_cells in cells.items():
            for cell in column_cells:
                if not self.has(cell):
                    self.mark(cell)
                    self.cells.setdefault(key, []).extend(word_text.paragraphs(cell, styles))

    def text_of(self, kind: str, separator: str = " ") -> str:
        paragraphs = self.cells.get((kind, ""), [])
        if separator == " ":
            return word_text.flat(paragraphs)
        return separator.join(paragraph.text for paragraph in paragraphs)


def rows_of(actions: list[WordAction], shape: str, document_round: str) -> list[SheetRow]:
    """The header row, then a row for each action and round of its progress."""
    absent = {*absent_level_columns(shape), *_NEVER_IN_A_DOCUMENT}
    columns = tuple(column for column in PLAN_COLUMNS if column not in absent)
    rows = [SheetRow(1, columns, place="the document")]
    for action in actions:
        for row in _action_rows(action, document_round):
            rows.append(SheetRow(len(rows) + 1, tuple(row.get(column, "") for column in columns), place=action.place))
    return rows


def _action_rows(action: WordAction, document_round: str) -> list[dict[str, str]]:
    """One row for each round of the action's progress, or one without progress if it has none."""
    lead, target, text = split_action(action.cells.get(("action", ""), []))
    aim, objective = action.aim or Heading(""), action.objective or Heading("")
    start = {
        "aim": aim.ref,
        "aim_title": aim.title,
        "strategic_lead": aim.strategic_lead,
        "objective": objective.ref,
        "objective_title": objective.title,
        "action": action.ref,
        "action_text": word_text.join(text),
        "lead_agency": lead or action.text_of("lead_agency", "; "),
        "responsibility": action.text_of("responsibility", "; "),
        "lead_officer": action.text_of("lead_officer", "; "),
        # A timescale in words ("To be confirmed") goes here too: the checker keeps what is not a date as text.
        "target_date": target or action.text_of("target"),
        "success_measure": word_text.join(action.cells.get(("success_measure", ""), [])),
    }
    return [start | _progress(action, round_text, document_round) for round_text in action.rounds or [None]]


def _progress(action: WordAction, round_text: str | None, document_round: str) -> dict[str, str]:
    if round_text is None:
        return {}
    rating, impact, progress = split_progress(action.cells.get(("progress", round_text), []))
    rating_column = word_text.flat(action.cells.get(("rag", round_text), []))
    if rating_column:
        # "RAG: Red" in a rating column is Red; anything else there is the rating as written ("3 Slipped").
        rating = stated_rating(rating_column) or rating_column
    return {
        "progress_date": round_text or document_round,
        "progress": word_text.join(progress),
        "impact": word_text.join(action.cells.get(("impact", round_text), []) + impact),
        "rating": rating,
    }
