"""Pieces the yearly report's sections write into Word: a table of figures with repeating headings, a subheading,
a paragraph; built on the committee paper's own table so both documents look alike."""

from docx.shared import Mm

from objectives.paper.word_parts import bold
from objectives.paper.word_tables import finish, table

# A4 portrait less 20 mm margins each side: the yearly report reads as a document, not a committee table.
TEXT_WIDTH = Mm(170)


def subheading(document, text: str) -> None:
    document.add_heading(text, level=2)


def paragraph(document, text: str) -> None:
    document.add_paragraph(text)


def figures_table(document, caption: str, header: list[str], rows: list[list]) -> None:
    """A table under its caption (bold), one row per list of cells, header repeating on every page."""
    bold(document.add_paragraph(), caption)
    widths = _widths(len(header))
    a_table = table(document, header, widths)
    for cells in rows:
        table_row = a_table.add_row()
        for cell, value in zip(table_row.cells, cells, strict=True):
            cell.paragraphs[0].add_run("" if value is None else str(value))
    finish(a_table, widths)


def _widths(columns: int) -> list[int]:
    """The first column (a name or a reference) a little wider when there are many figures beside it."""
    share = int(TEXT_WIDTH / columns)
    return [share] * columns
