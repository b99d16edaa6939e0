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
from .layout import TableLayout
from .snapshot import PaperRow
from .word_parts import bold, rating_run, set_widths, shade_cell, shade_run

PAGE_WIDTH, PAGE_HEIGHT, MARGIN = Mm(297), Mm(210), Mm(12)
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
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
    if title and len(header) == 1:
        title_row = new_table.add_row()
        bold(title_row.cells[0].paragraphs[0], " ".join(title))
        _header_row(title_row, TITLE_FILL)
    elif title:
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


def column_widths(layout: TableLayout) -> list[int]:
    """Each column's width, in the same shares as the web page and the PDF."""
    return [int(TEXT_WIDTH * column.share) for column in layout.columns]


def action_table(document, layout: TableLayout, *, title: tuple[str, str] | None = None):
    """An empty table of actions in the layout's columns, under the objective's title row when there is one."""
    return table(document, [column.heading for column in layout.columns], column_widths(layout), title=title)


def finish(a_table, widths: list[int]) -> None:
    """Set every cell's width once the rows are in, as Word expects of a fixed-layout table."""
    for table_row in a_table.rows:
        set_widths(table_row, widths)


def action_row(a_table, row: PaperRow, bullet_style, layout: TableLayout) -> None:
    """One action in the layout's columns; what has no column of its own goes under the action or the progress."""
    table_row = a_table.add_row()
    if row.keep_together:
        _row_property(table_row, "w:cantSplit")
    for column, cell in zip(layout.columns, table_row.cells, strict=True):
        _CELL_WRITERS[column.key](cell, row, bullet_style, layout)


def _ref_cell(cell, row: PaperRow, bullet_style, layout: TableLayout) -> None:
    bold(cell.paragraphs[0], row.ref)


def _action_cell(cell, row: PaperRow, bullet_style, layout: TableLayout) -> None:
    """The action's text, its success measure and whatever of lead and target has no column; its status."""
    write_blocks(cell, row.text, bullet_style)
    notes = [layout.success_measure_note(row), *layout.notes_without_a_column(row)]
    for line in filter(None, notes):
        cell.add_paragraph().add_run(line).font.size = Pt(8)


def _lead_cell(cell, row: PaperRow, bullet_style, layout: TableLayout) -> None:
    for index, line in enumerate(row.lead_lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.add_run(line)


def _target_cell(cell, row: PaperRow, bullet_style, layout: TableLayout) -> None:
    cell.paragraphs[0].add_run(row.target)


def _success_measure_cell(cell, row: PaperRow, bullet_style, layout: TableLayout) -> None:
    write_blocks(cell, row.success_measure, bullet_style)


def _rating_cell(cell, row: PaperRow, bullet_style, layout: TableLayout) -> None:
    if row.rag_label:
        rating_run(cell.paragraphs[0], row.rag_label, *row.badge_colours)


def _progress_cell(cell, row: PaperRow, bullet_style, layout: TableLayout) -> None:
    """What changed, the rating in words when it has no column of its own, and the progress and its impact."""
    first = cell.paragraphs[0]
    if row.changes:
        run = first.add_run("; ".join(row.changes))
        run.bold = True
        shade_run(run, CHANGE_FILL)
        first = cell.add_paragraph()
    if layout.rated and not layout.shows.get("rating") and row.rag_label:
        # The rating in words; the shading only repeats it.
        first.add_run("RAG:" if layout.is_legacy and not row.rating_class else "Rating:")
        rating_run(first, row.rag_label, *row.badge_colours)
    elif not row.has_update and not row.rag_label:
        note(first, "No update")
    if row.earlier_round:
        first.add_run(f"  From {row.earlier_round}").italic = True
    if row.has_update:
        write_blocks(cell, row.progress, bullet_style, first_unused=False)
        if row.impact:
            bold(cell.add_paragraph(), "Evidence of impact")
            write_blocks(cell, row.impact, bullet_style, first_unused=False)


_CELL_WRITERS = {
    "ref": _ref_cell,
    "action": _action_cell,
    "lead": _lead_cell,
    "target": _target_cell,
    "success_measure": _success_measure_cell,
    "rating": _rating_cell,
    "progress": _progress_cell,
}


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


def spacer(document) -> None:
    """A short paragraph between two tables, or Word joins them into one."""
    document.add_paragraph().paragraph_format.space_after = Pt(6)


def _row_property(table_row, tag: str) -> None:
    table_row._tr.get_or_add_trPr().append(OxmlElement(tag))
