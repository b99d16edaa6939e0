"""The text of a Word document's cells and paragraphs, as the plan reader (word.py) needs it.

Bullets, list styles, bold titles, merged cells and tracked changes are read here, so the reader deals only
in paragraphs of text.
"""

import re
from dataclasses import dataclass

from docx.table import _Cell
from docx.text.paragraph import Paragraph

# Bullets typed by hand or pasted, as objectives/text.py reads them.
TYPED_BULLET = re.compile(r"^\s*[-*•·–]\s+")
# The text of a paragraph: runs, links, tracked insertions, content controls and simple fields.
TEXT_PARTS = "w:r | w:hyperlink | w:ins/w:r | w:smartTag/w:r | w:sdt/w:sdtContent/w:r | w:fldSimple/w:r"


@dataclass(frozen=True)
class Para:
    text: str
    is_list: bool = False


def grid_cells(row) -> list[_Cell | None]:
    """The row's cell at each grid position: a merged cell repeats (across, and down from the row above)."""
    return [None] * row.grid_cols_before + list(row.cells)


def once(cells: list[_Cell]) -> list[_Cell]:
    """Each merged cell once; python-docx gives it again for every grid position it covers."""
    return list({id(cell._tc): cell for cell in cells}.values())


def distinct_texts(cells: list[_Cell | None], styles: dict[str, str]) -> list[str]:
    """The non-empty texts of the row's cells, each merged cell once."""
    texts = (flat(paragraphs(cell, styles)) for cell in once([cell for cell in cells if cell is not None]))
    return [text for text in texts if text]


def paragraphs(cell: _Cell, styles: dict[str, str]) -> list[Para]:
    """The cell's non-empty paragraphs; list paragraphs, and those typed with a bullet, are list items."""
    paragraphs = []
    for paragraph in cell.paragraphs:
        text = paragraph_text(paragraph).strip()
        if not text:
            continue
        if TYPED_BULLET.match(text):
            paragraphs.append(Para(TYPED_BULLET.sub("", text, count=1), True))
        else:
            paragraphs.append(Para(text, is_list(paragraph, styles)))
    return paragraphs


def paragraph_text(paragraph: Paragraph) -> str:
    # Line breaks come out as "\n" and tabs as "\t"; deleted text (tracked changes) is left out.
    return "".join(part.text for part in paragraph._p.xpath(TEXT_PARTS))


def style_name(paragraph: Paragraph, styles: dict[str, str]) -> str:
    return styles.get(paragraph._p.style or "", "")


def is_list(paragraph: Paragraph, styles: dict[str, str]) -> bool:
    properties = paragraph._p.pPr
    numbering = properties.numPr if properties is not None else None
    if numbering is not None and numbering.numId is not None and numbering.numId.val != 0:
        return True
    style = style_name(paragraph, styles).lower()
    return "list" in style and "continue" not in style


def look(paragraph: Paragraph, styles: dict[str, str]) -> tuple[str, bool]:
    """A paragraph's style name and whether all its text is bold: a title split over lines keeps both."""
    style = style_name(paragraph, styles)
    runs = [run for run in paragraph.runs if run.text.strip()]
    return style, bool(runs) and all(run.bold for run in runs)


def flat(paragraphs: list[Para]) -> str:
    """The paragraphs on one line, as a ref, title or date is written."""
    return " ".join(" ".join(paragraph.text.split()) for paragraph in paragraphs).strip()


def join(paragraphs: list[Para]) -> str:
    """Progress text as the app stores it: paragraphs apart by a blank line, list items as "- " lines."""
    text = ""
    for index, paragraph in enumerate(paragraphs):
        if index:
            text += "\n" if paragraph.is_list and paragraphs[index - 1].is_list else "\n\n"
        text += f"- {paragraph.text}" if paragraph.is_list else paragraph.text
    return text
