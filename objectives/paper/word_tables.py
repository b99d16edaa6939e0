"""The Word paper's tables: the Ref / Action / progress table every section that lists actions draws, and plain ones.

The objectives table, the case reviews and CDOP all write their actions with `action_table` and `action_row`,
so an action reads the same wherever it appears in the paper.
"""

import re
from html import unescape

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.shared import Mm, Pt

from ..text import progress_html
from .snapshot import PaperRow
from .word_parts import bold, rag_run, set_widths, shade_cell, shade_run

PAGE_WIDTH, PAGE_HEIGHT, MARGIN = Mm(297), Mm(210), Mm(12)
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
# Ref, Action, Progress: the same 8/32/60 split as the web page and the PDF.
COLUMN_WIDTHS = [int(TEXT_WIDTH * share) for share in (0.08, 0.32, 0.60)]
TITLE_FILL, COLUMN_FILL, CHANGE_FILL = "DBE4EE", "F3F2F1", "FFF2CC"
_BLOCK = re.compile(r"<p>(.*?)</p>|<ul>(.*?)</ul>", re.DOTALL)
_ITEM = re.compile(r"<li>(.*?)</li>", re.DOTALL)


def text_blocks(text: str) -> list[tuple[str, list[str]]]:
    """Progress text as ("paragraph", lines) and ("bullet", [item]) blocks.

    Read from progress_html, so Word and the web page agree on what is a paragraph and what a bullet.
    """
    blocks = []
    for match in _BLOCK.finditer(progress_html(text)):
        if match[1] is not None:
            blocks.append(("paragraph", [unescape(line) for line in match[1].split("<br>")]))
        else:
            blocks.extend(("bullet", [unescape(item)]) for item in _ITEM.findall(match[2]))
    return blocks


def table(document, header: list[str], widths: list[int], *, title: tuple[str, str] | None = None):
    """A fixed-width table whose header rows (a shaded title, if any, then the headings) repeat on every page."""
    new_table = document.add_table(rows=0, cols=len(header))
    new_table.style = document.styles["Table Grid"]
    new_table.alignment = WD_TABLE_ALIGNMENT.LEFT
    new_table.autofit = False
    for column, width in zip(new_table.columns, widths, strict=True):
        column.width = width
    if title:
        title_row = new_table.add_row()
        bold(title_row.cells[0].paragraphs[0], title[0])
        bold(title_row.cells[1].merge(title_row.cells[-1]).paragraphs[0], title[1])
        _header_row(title_row, TITLE_FILL)
    heading_row = new_table.add_row()
    for cell, heading in zip(heading_row.cells, header, strict=True):
        bold(cell.paragraphs[0], heading)
    _header_row(heading_row, COLUMN_FILL)
    return new_table


def _header_row(table_row, fill: str) -> None:
    _row_property(table_row, "w:tblHeader")
    _row_property(table_row, "w:cantSplit")
    # A merged cell appears once per column it spans in `cells`; shade each cell once.
    for cell in {id(cell._tc): cell for cell in table_row.cells}.values():
        shade_cell(cell, fill)


def action_table(document, round_label: str, *, title: tuple[str, str] | None = None):
    """An empty Ref / Action / progress table, under the objective's title row when there is one."""
    return table(document, ["Ref", "Action", round_label], COLUMN_WIDTHS, title=title)


def finish(a_table, widths: list[int] = COLUMN_WIDTHS) -> None:
    """Set every cell's width once the rows are in, as Word expects of a fixed-layout table."""
    for table_row in a_table.rows:
        set_widths(table_row, widths)


def action_row(a_table, row: PaperRow, bullet_style) -> None:
    """One action: its ref; its text, leads, target and status; what changed, its RAG in words and its progress."""
    table_row = a_table.add_row()
    if row.keep_together:
        _row_property(table_row, "w:cantSplit")
    ref_cell, action_cell, progress_cell = table_row.cells
    bold(ref_cell.paragraphs[0], row.ref)
    write_blocks(action_cell, row.text, bullet_style)
    meta = [f"Lead: {', '.join(row.lead_agencies) or 'none named'}"]
    if row.target:
        meta.append(f"Target: {row.target}")
    if row.status:
        meta.append(f"Status: {row.status}")
    for line in meta:
        action_cell.add_paragraph().add_run(line).font.size = Pt(8)

    first = progress_cell.paragraphs[0]
    if row.changes:
        run = first.add_run("; ".join(row.changes))
        run.bold = True
        shade_run(run, CHANGE_FILL)
        first = progress_cell.add_paragraph()
    first.add_run("RAG:")
    # The RAG in words; the shading only repeats it.
    rag_run(first, row.rag, row.rag_label)
    if row.earlier_round:
        first.add_run(f"  From {row.earlier_round}").italic = True
    if row.has_update:
        write_blocks(progress_cell, row.progress, bullet_style, first_unused=False)
        if row.impact:
            bold(progress_cell.add_paragraph(), "Evidence of impact")
            write_blocks(progress_cell, row.impact, bullet_style, first_unused=False)


def group_row(a_table, heading: str, text: str, bullet_style) -> None:
    """A shaded row across the table naming the group of actions below it, such as a review's recommendation."""
    cell = merged_row(a_table)
    bold(cell.paragraphs[0], heading)
    shade_cell(cell, TITLE_FILL)
    if text:
        write_blocks(cell, text, bullet_style, first_unused=False)


def merged_row(a_table):
    """A new row of one cell across the table."""
    cells = a_table.add_row().cells
    return cells[0].merge(cells[-1])


def write_blocks(cell_or_document, text: str, bullet_style, first_unused: bool = True) -> None:
    """Text as the web page shows it: paragraphs with their line breaks, and real bulleted items."""
    for index, (kind, lines) in enumerate(text_blocks(text)):
        if first_unused and index == 0 and kind == "paragraph":
            paragraph = cell_or_document.paragraphs[0]
        else:
            paragraph = cell_or_document.add_paragraph()
            if kind == "bullet":
                paragraph._p.style = bullet_style
        run = paragraph.add_run()
        for number, line in enumerate(lines):
            if number:
                run.add_break()
            run.add_text(line)


def note(paragraph, text: str) -> None:
    paragraph.add_run(text).italic = True


def _row_property(table_row, tag: str) -> None:
    table_row._tr.get_or_add_trPr().append(OxmlElement(tag))
