"""Small python-docx pieces every section of the Word paper uses: bold text, shading, a rating in words, widths.

Shared so the objectives table and other apps' sections (case reviews, CDOP) look the same in Word.
"""

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor

from core.rating import rating


def bold(paragraph, text: str) -> None:
    paragraph.add_run(text).bold = True


def rating_run(paragraph, label: str, fill: str, text: str) -> None:
    """A rating in bold words, shaded in its level's fill; the shading only repeats the words."""
    run = paragraph.add_run(f" {label} ")
    run.bold = True
    run.font.color.rgb = RGBColor.from_string(text)
    shade_run(run, fill)


def shade_cell(cell, fill: str) -> None:
    cell._tc.get_or_add_tcPr().append(_shading(fill))


def shade_run(run, fill: str) -> None:
    run._r.get_or_add_rPr().append(_shading(fill))


def set_widths(table_row, widths: list[int]) -> None:
    """Each cell as wide as the columns it spans, as Word expects of a fixed-layout table."""
    column = 0
    for cell in table_row._tr.tc_lst:
        cell.width = sum(widths[column : column + cell.grid_span])
        column += cell.grid_span


def _shading(fill: str):
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    return shading


def rag_run(paragraph, rag: str, label: str) -> None:
    """A RAG rating in its RAG colours; kept for callers that do not know a plan (tests/core/test_rating.py)."""
    shown = rating(rag)
    rating_run(paragraph, label, shown.fill, shown.text)
