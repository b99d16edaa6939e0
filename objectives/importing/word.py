"""Read a business plan written in Word into the rows a spreadsheet gives, in the layout of the plan's shape.

    Aim 1: Partners' work keeps children safe                      ← a paragraph (or a table row)
    │ Obj 1.1 │ Show how partners' work improves children's lives │  ← the objective row, often merged
    │ Ref     │ Action      │ Progress report December 2025        │  ← the header row: the round
    │ 1.1.1   │ Extend …    │ paragraphs and bullets               │  ← a row per action

A plan of two levels has no objective rows: "Priority 1a Early Help and Prevention" (perhaps with
"Strategic lead: …" under it), then a table of actions numbered 1, 2, 3 under each priority. A numbered
list has neither: one table, a row per recommendation ("1" or "Recommendation 1"). word_headings finds
the headings, word_columns the header's columns, word_lines the lead, target, rating and impact lines in a
cell, and word_layout says when a document does not have its plan's layout.

Real documents are untidy, so empty rows and paragraphs are skipped; a table carried on after a page
break, with or without the header again, continues the objective above it; and a row with no ref
continues the action above it (a row split across two pages).
"""

import io
import re

import docx
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from . import word_text
from .cells import SheetRow
from .safety import FileProblem
from .word_action import WordAction, rows_of
from .word_columns import Column, header, month_year
from .word_headings import Heading, is_ref, objective_heading, ref_in_cell, strategic_lead, top_heading
from .word_layout import Survey, check_layout
from .word_numbering import ListNumbers

# A paragraph naming the document's round: "Progress report March 2026", "Progress update as at 31 March 2026".
_ROUND_PARAGRAPH = re.compile(r"(?:progress\s+(?:report|update|presented)|update)\b", re.IGNORECASE)


def read_docx(data: bytes, filename: str, shape: str | None = None) -> list[SheetRow]:
    """The plan in a .docx file as rows in the import's columns; the first row is the header.

    `shape` is the plan's (a PlanShape value); without it the layout is the one the document looks like.
    """
    try:
        document = docx.Document(io.BytesIO(data))
        # Looked up once: python-docx's paragraph.style searches every style for each paragraph.
        styles = {style.styleId: style.name_val or "" for style in document.styles.element.style_lst}
        reader = _PlanReader(styles, ListNumbers(document))
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                reader.paragraph(block)
            else:
                reader.table(block)
    except Exception:
        # python-docx fails in many ways on a damaged file (KeyError, ValueError, XMLSyntaxError …).
        raise FileProblem(
            f"{filename} is not a Word document that can be read: it is damaged or not really .docx. "
            "Open it in Word and save it as .docx."
        ) from None
    survey = reader.survey
    survey.actions = len(reader.actions)
    check_layout(survey, shape, filename)
    return rows_of(reader.actions, shape or survey.shape(), reader.document_round)


class _PlanReader:
    """Walks the document's paragraphs and tables in order, keeping the current headings and header."""

    def __init__(self, styles: dict[str, str], list_numbers: ListNumbers):
        self.styles = styles
        self.list_numbers = list_numbers
        self.aim: Heading | None = None
        self.objective: Heading | None = None
        # The header's column for each grid position: (kind, round), or None for a column the import ignores.
        self.columns: list[Column | None] | None = None
        self.actions: list[WordAction] = []
        self.current: WordAction | None = None
        self.document_round = ""
        self.table_number = 0
        self.survey = Survey()
        # The top heading paragraph whose title may go on in the next paragraph, and how it looks.
        self.open_aim: tuple[str, bool] | None = None

    def paragraph(self, paragraph: Paragraph):
        text = " ".join(word_text.paragraph_text(paragraph).split())
        if not text:
            if self.aim and self.aim.title:
                self.open_aim = None
            return
        kind = self._heading(text, [])
        if kind:
            self.open_aim = word_text.look(paragraph, self.styles) if kind == "top" else None
            return
        if self.open_aim is not None and self._continues_aim(paragraph, text):
            self.aim.title = f"{self.aim.title} {text}".strip()
            return
        self.open_aim = None
        if _ROUND_PARAGRAPH.match(text):
            self.document_round = month_year(text) or self.document_round

    def _heading(self, text: str, others: list[str]) -> str:
        """Take a top heading, objective or strategic lead from a paragraph or row, and say which ("" if none)."""
        # A priority row may give its strategic lead in a cell of its own.
        leads = {other: strategic_lead(other) for other in others}
        top = top_heading(text, [other for other in others if leads[other] is None])
        if top:
            self.survey.saw_top(" ".join((text, top.title)) if others else text)
            top.strategic_lead = next((lead for lead in leads.values() if lead), "")
            self.aim, self.objective, self.current = top, None, None
            return "top"
        objective = objective_heading(text, others)
        if objective:
            self.survey.saw_objective(text)
            self.objective, self.current = objective, None
            return "objective"
        lead = strategic_lead(text, others)
        if lead is not None and self.aim is not None:
            self.aim.strategic_lead = lead
            return "strategic lead"
        return ""

    def _continues_aim(self, paragraph: Paragraph, text: str) -> bool:
        """Our call: join only what is clearly the title's second line, not a paragraph introducing the aim."""
        style, bold = self.open_aim
        same_heading_look = word_text.look(paragraph, self.styles) == (style, bold) and (
            bold or style.lower().startswith(("heading", "title"))
        )
        return not self.aim.title or text[0].islower() or same_heading_look

    def table(self, table: Table):
        self.open_aim = None
        self.table_number += 1
        rows = [word_text.grid_cells(row) for row in table.rows]
        if not self._belongs_to_plan(rows):
            return
        for number, cells in enumerate(rows, start=1):
            self._row(cells, f"table {self.table_number}, row {number}")

    def _belongs_to_plan(self, rows: list[list[_Cell | None]]) -> bool:
        """A table with a heading or header row, or one carrying on the table before after a page break."""
        for cells in rows:
            texts = word_text.distinct_texts(cells, self.styles)
            if not texts:
                continue
            first = texts[0]
            heading = _starts_row(first, cells, self.styles) and (top_heading(first) or objective_heading(first))
            if heading or header(cells, self.styles):
                return True
        first = next((cells for cells in rows if word_text.distinct_texts(cells, self.styles)), None)
        if not (first and self.columns and len(first) == len(self.columns)):
            return False
        # Its first row is an action, or goes on with the last action of the table before.
        ref = word_text.flat(word_text.paragraphs(first[0], self.styles)) if first[0] is not None else ""
        return not ref or is_ref(ref)

    def _row(self, cells: list[_Cell | None], place: str):
        texts = word_text.distinct_texts(cells, self.styles)
        if not texts or (_starts_row(texts[0], cells, self.styles) and self._heading(texts[0], texts[1:])):
            return
        columns = header(cells, self.styles)
        if columns:
            self.columns = columns
            return
        if self.columns is None or len(cells) != len(self.columns):
            return
        self._action_row(cells, place)

    def _action_row(self, cells: list[_Cell | None], place: str):
        by_column: dict[Column, list[_Cell]] = {}
        for cell, column in zip(cells, self.columns, strict=True):
            if cell is not None and column is not None:
                by_column.setdefault(column, []).append(cell)
        ref_cells = by_column.pop(("ref", ""), [])
        ref_paragraphs = [
            paragraph for cell in word_text.once(ref_cells) for paragraph in word_text.paragraphs(cell, self.styles)
        ]
        ref = ref_in_cell(word_text.flat(ref_paragraphs)) or self._list_number(ref_cells)
        # Our call: a row with no ref of its own (empty, or merged down from above) goes on with the action
        # above it, as a row split over two pages does.
        continues = self.current is not None and (not ref or any(self.current.has(cell) for cell in ref_cells))
        if not continues:
            self.current = WordAction(place, self.aim, self.objective, ref, _rounds(self.columns))
            for cell in ref_cells:
                self.current.mark(cell)
            self.actions.append(self.current)
        self.current.add(by_column, self.styles)

    def _list_number(self, ref_cells: list[_Cell]) -> str:
        """The number Word shows in an empty ref cell that is a numbered list ("1." with no text)."""
        numbers = [
            self.list_numbers.number(paragraph) for cell in word_text.once(ref_cells) for paragraph in cell.paragraphs
        ]
        return next((number for number in numbers if number), "")


def _starts_row(text: str, cells: list[_Cell | None], styles: dict[str, str]) -> bool:
    """Whether the text is the row's first cell's: only there does it head the row, not in an action's text."""
    first = next((cell for cell in cells if cell is not None), None)
    return first is not None and word_text.flat(word_text.paragraphs(first, styles)) == text


def _rounds(columns: list[Column | None]) -> list[str]:
    """The header's progress rounds, as written ("December 2025"); "" for a progress column without a date."""
    rounds = list(dict.fromkeys(column[1] for column in columns if column and column[0] == "progress"))
    if not rounds and any(column and column[0] in ("rag", "impact") for column in columns):
        rounds = [""]
    return rounds
