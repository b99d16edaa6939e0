"""Read a business plan written in Word, in the committee's usual layout, into the rows a spreadsheet gives.

    Aim 1: Partners' work keeps children safe                      ← a paragraph
    │ Obj 1.1 │ Show how partners' work improves children's lives │  ← the objective row, often merged
    │ Ref     │ Action      │ Progress report December 2025        │  ← the header row: the round
    │ 1.1.1   │ Extend …    │ paragraphs and bullets               │  ← a row per action

Real documents are untidy, so empty rows and paragraphs are skipped; a table carried on after a page
break, with or without the header again, continues the objective above it; and a row with no ref
continues the action above it (a row split across two pages).
"""

import io
import re
from dataclasses import dataclass, field

import docx
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from . import word_text
from .cells import CellError, SheetRow, read_rag
from .columns import COLUMNS
from .safety import FileProblem

_DASHES = r"[:.\-–—]"
# "Aim 1: title", or "Aim 1" alone with the title in the next paragraph or cell.
_AIM = re.compile(rf"aim\s*(\d+)\s*(?:{_DASHES}\s*(.*))?", re.IGNORECASE | re.DOTALL)
_OBJECTIVE = re.compile(rf"obj(?:ective)?\.?\s*(\d+(?:\.\d+)+)\.?\s*{_DASHES}?\s*(.*)", re.IGNORECASE | re.DOTALL)
_REF = re.compile(r"\d+(?:\.\d+)+\.?")
_MONTH_YEAR = re.compile(r"(?:\d{1,2}\s+)?[A-Za-z]{3,}\.?,?\s+\d{4}")
_LEAD = re.compile(rf"lead(?:\s+agenc(?:y|ies))?\s*{_DASHES}\s*(.+)", re.IGNORECASE)
_TARGET = re.compile(rf"(?:target(?:\s+date)?|timescale|by\s+when|deadline)\s*{_DASHES}\s*(.+)", re.IGNORECASE)
_RAG_LINE = re.compile(rf"rag\b(?:\s+(?:rating|status))?\s*({_DASHES})?\s*(.+)", re.IGNORECASE)
_STATUS_LINE = re.compile(rf"status\s*{_DASHES}\s*(.+)", re.IGNORECASE)
_IMPACT = re.compile(rf"(?:evidence\s+of\s+)?impact\s*{_DASHES}\s*(.*)", re.IGNORECASE)


@dataclass
class _Heading:
    """An aim or objective: its number or ref and its title."""

    ref: str
    title: str = ""


@dataclass
class _Action:
    place: str
    aim: _Heading | None
    objective: _Heading | None
    # The header's progress rounds, as written ("December 2025"); "" for a progress column without a date.
    rounds: list[str]
    cells: dict[tuple[str, str], list[word_text.Para]] = field(default_factory=dict)
    # The Word cells read so far, so a cell merged down over the next row is read once. Keeping the
    # elements (not only their ids) keeps lxml's proxies alive, so an id is never reused meanwhile.
    seen: dict[int, object] = field(default_factory=dict)

    def has(self, cell: _Cell) -> bool:
        return id(cell._tc) in self.seen

    def mark(self, cell: _Cell):
        self.seen[id(cell._tc)] = cell._tc

    def add(self, cells: dict[tuple[str, str], list[_Cell]], styles: dict[str, str]):
        for key, column_cells in cells.items():
            for cell in column_cells:
                if not self.has(cell):
                    self.mark(cell)
                    self.cells.setdefault(key, []).extend(word_text.paragraphs(cell, styles))


def read_docx(data: bytes, filename: str) -> list[SheetRow]:
    """The plan in a .docx file as rows in the import's columns; the first row is the header."""
    try:
        document = docx.Document(io.BytesIO(data))
        # Looked up once: python-docx's paragraph.style searches every style for each paragraph.
        styles = {style.styleId: style.name_val or "" for style in document.styles.element.style_lst}
        reader = _PlanReader(styles)
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
    rows = reader.rows()
    if len(rows) == 1:
        raise FileProblem(
            f"{filename} has no plan tables: the import looks for “Aim 1: …” paragraphs, then tables with an "
            "“Obj 1.1” row, a header row Ref | Action | Progress report December 2025, and a row per action."
        )
    return rows


class _PlanReader:
    """Walks the document's paragraphs and tables in order, keeping the current aim, objective and header."""

    def __init__(self, styles: dict[str, str]):
        self.styles = styles
        self.aim: _Heading | None = None
        self.objective: _Heading | None = None
        # The header's column for each grid position: (kind, round), or None for a column the import ignores.
        self.columns: list[tuple[str, str] | None] | None = None
        self.actions: list[_Action] = []
        self.current: _Action | None = None
        self.document_round = ""
        self.table_number = 0
        # The aim paragraph whose title may go on in the next paragraph, and how it looks.
        self.open_aim: tuple[str, bool] | None = None

    def paragraph(self, paragraph: Paragraph):
        text = " ".join(word_text.paragraph_text(paragraph).split())
        if not text:
            if self.aim and self.aim.title:
                self.open_aim = None
            return
        match = _AIM.fullmatch(text)
        if match:
            self.aim, self.objective, self.current = _Heading(match[1], match[2] or ""), None, None
            self.open_aim = word_text.look(paragraph, self.styles)
            return
        if self.open_aim is not None and self._continues_aim(paragraph, text):
            self.aim.title = f"{self.aim.title} {text}".strip()
            return
        self.open_aim = None
        if text.lower().startswith("progress report"):
            self.document_round = _month_year(text) or self.document_round

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
        """A table with an aim, objective or header row, or one carrying on the table before after a page break."""
        for cells in rows:
            texts = word_text.distinct_texts(cells, self.styles)
            if not texts:
                continue
            if _AIM.fullmatch(texts[0]) or _OBJECTIVE.fullmatch(texts[0]) or _header(cells, self.styles):
                return True
        first = next((cells for cells in rows if word_text.distinct_texts(cells, self.styles)), None)
        if not (first and self.columns and len(first) == len(self.columns)):
            return False
        # Its first row is an action, or goes on with the last action of the table before.
        ref = word_text.flat(word_text.paragraphs(first[0], self.styles)) if first[0] is not None else ""
        return not ref or bool(_REF.fullmatch(ref))

    def _row(self, cells: list[_Cell | None], place: str):
        texts = word_text.distinct_texts(cells, self.styles)
        if not texts:
            return
        aim, objective = _AIM.fullmatch(texts[0]), _OBJECTIVE.fullmatch(texts[0])
        if aim:
            self.aim, self.objective, self.current = _Heading(aim[1], _title(aim[2] or "", texts[1:])), None, None
            return
        if objective:
            self.objective, self.current = _Heading(objective[1], _title(objective[2], texts[1:])), None
            return
        header = _header(cells, self.styles)
        if header:
            self.columns = header
            return
        if self.columns is None or len(cells) != len(self.columns):
            return
        self._action_row(cells, place)

    def _action_row(self, cells: list[_Cell | None], place: str):
        by_column: dict[tuple[str, str], list[_Cell]] = {}
        for cell, column in zip(cells, self.columns, strict=True):
            if cell is not None and column is not None:
                by_column.setdefault(column, []).append(cell)
        ref_cells = by_column.pop(("ref", ""), [])
        ref = word_text.flat(
            [paragraph for cell in word_text.once(ref_cells) for paragraph in word_text.paragraphs(cell, self.styles)]
        ).removesuffix(".")
        # Our call: a row with no ref of its own (empty, or merged down from above) goes on with the action
        # above it, as a row split over two pages does.
        continues = self.current is not None and (not ref or any(self.current.has(cell) for cell in ref_cells))
        if not continues:
            rounds = list(dict.fromkeys(column[1] for column in self.columns if column and column[0] == "progress"))
            if not rounds and any(column and column[0] in ("rag", "impact") for column in self.columns):
                rounds = [""]
            self.current = _Action(place, self.aim, self.objective, rounds, {("ref", ""): [word_text.Para(ref)]})
            for cell in ref_cells:
                self.current.mark(cell)
            self.actions.append(self.current)
        self.current.add(by_column, self.styles)

    def rows(self) -> list[SheetRow]:
        rows = [SheetRow(1, COLUMNS, place="the document")]
        for action in self.actions:
            for cells in _action_cells(action, self.document_round):
                rows.append(SheetRow(len(rows) + 1, cells, place=action.place))
        return rows


def _action_cells(action: _Action, document_round: str) -> list[tuple]:
    """One row of cells for each round of the action's progress, or one without progress if it has none."""
    lead, target, text = _split_action(action.cells.get(("action", ""), []))
    lead = lead or "; ".join(paragraph.text for paragraph in action.cells.get(("lead", ""), []))
    target = target or word_text.flat(action.cells.get(("target", ""), []))
    aim, objective = action.aim or _Heading(""), action.objective or _Heading("")
    start = (
        aim.ref,
        aim.title,
        objective.ref,
        objective.title,
        word_text.flat(action.cells[("ref", "")]),
        word_text.join(text),
    )
    rows = []
    for round_text in action.rounds or [None]:
        progress_date, progress, impact, rag = "", "", "", ""
        if round_text is not None:
            progress_date = round_text or document_round
            rag, impact_paragraphs, progress_paragraphs = _split_progress(
                action.cells.get(("progress", round_text), [])
            )
            rag_column = word_text.flat(action.cells.get(("rag", round_text), []))
            if rag_column:
                rag = _stated_rag(rag_column) or rag_column
            impact = word_text.join(action.cells.get(("impact", round_text), []) + impact_paragraphs)
            progress = word_text.join(progress_paragraphs)
        rows.append((*start, lead, target, progress_date, progress, impact, rag))
    return rows


def _split_action(paragraphs: list[word_text.Para]) -> tuple[str, str, list[word_text.Para]]:
    """Our call: "Lead: Police; Health" and "Target: March 2026" lines in the action cell are its lead and target."""
    lead, target, text = "", "", []
    for paragraph in paragraphs:
        kept = []
        for line in paragraph.text.split("\n"):
            lead_match, target_match = _LEAD.fullmatch(line.strip()), _TARGET.fullmatch(line.strip())
            if lead_match and not lead:
                lead = lead_match[1].strip()
            elif target_match and not target:
                target = target_match[1].strip()
            else:
                kept.append(line)
        if any(line.strip() for line in kept):
            text.append(word_text.Para("\n".join(kept).strip(), paragraph.is_list))
    return lead, target, text


def _split_progress(paragraphs: list[word_text.Para]) -> tuple[str, list[word_text.Para], list[word_text.Para]]:
    """The RAG a line states, the evidence of impact from an "Impact:" line on, and the progress before it."""
    rag, impact, progress = "", None, []
    for paragraph in paragraphs:
        kept = []
        for line in paragraph.text.split("\n"):
            impact_start = None if impact is not None or paragraph.is_list else _IMPACT.fullmatch(line.strip())
            stated = "" if rag or paragraph.is_list else _stated_rag(line.strip())
            if impact_start:
                if any(line.strip() for line in kept):
                    progress.append(word_text.Para("\n".join(kept).strip(), paragraph.is_list))
                impact, kept = [], [impact_start[1]] if impact_start[1].strip() else []
            elif stated:
                rag = stated
            else:
                kept.append(line)
        if any(line.strip() for line in kept):
            (progress if impact is None else impact).append(word_text.Para("\n".join(kept).strip(), paragraph.is_list))
    return rag, impact or [], progress


def _stated_rag(line: str) -> str:
    """The RAG a line states: "RAG: Amber" (whatever follows, so a wrong one is reported), "Status: Amber", "Amber"."""
    match = _RAG_LINE.fullmatch(line)
    if match and match[1]:
        return match[2].strip()
    status = _STATUS_LINE.fullmatch(line)
    for candidate in (match[2].strip() if match else "", status[1].strip() if status else "", line):
        if _is_rag(candidate):
            return candidate
    return ""


def _is_rag(text: str) -> bool:
    # A single letter alone is too likely to be something else in running text.
    if len(text) < 2:
        return False
    try:
        read_rag(text)
    except CellError:
        return False
    return True


def _header(cells: list[_Cell | None], styles: dict[str, str]) -> list[tuple[str, str] | None] | None:
    """The columns a Ref | Action | Progress report … row names, by grid position; None if it is no header."""
    kinds = [
        _column_kind(word_text.flat(word_text.paragraphs(cell, styles))) if cell is not None else None for cell in cells
    ]
    found = {kind[0] for kind in kinds if kind}
    if not {"ref", "action"} <= found:
        return None
    # A RAG or impact column belongs to the progress column before it, else to the last one.
    progress_rounds = [kind[1] for kind in kinds if kind and kind[0] == "progress"]
    last = progress_rounds[-1] if progress_rounds else ""
    columns, current = [], None
    for kind in kinds:
        if kind and kind[0] == "progress":
            current = kind[1]
        elif kind and kind[0] in ("rag", "impact"):
            kind = (kind[0], current if current is not None else last)
        columns.append(kind)
    return columns


def _column_kind(text: str) -> tuple[str, str] | None:
    words = " ".join(text.lower().split()).rstrip(":.")
    if words in ("ref", "reference", "ref no", "no", "number"):
        return ("ref", "")
    if words.startswith("progress"):
        return ("progress", _month_year(text))
    if words.startswith("rag"):
        return ("rag", "")
    if "impact" in words:
        return ("impact", "")
    if words.startswith("lead") and "officer" not in words:
        return ("lead", "")
    if words.startswith(("target", "timescale", "by when", "deadline")):
        return ("target", "")
    if words.startswith("action"):
        return ("action", "")
    return None


def _month_year(text: str) -> str:
    match = _MONTH_YEAR.search(text)
    return match[0] if match else ""


def _title(first: str, others: list[str]) -> str:
    return " ".join(part for part in (first.strip(), *others) if part)
