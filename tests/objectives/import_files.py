"""Files for the import tests: rows in the import's columns, written as CSV or XLSX, and Word plans."""

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from openpyxl import Workbook

HEADER = [
    "aim",
    "aim_title",
    "objective",
    "objective_title",
    "action",
    "action_text",
    "lead_agency",
    "target_date",
    "progress_date",
    "progress",
    "rag",
]
DEFAULTS = {
    "aim": "1",
    "aim_title": "Partners' work keeps children safe",
    "objective": "1.1",
    "objective_title": "Show how partners' work improves children's lives",
    "action": "1.1.1",
    "action_text": "Extend the multi-agency audit programme",
}


def plan_row(header=HEADER, **cells) -> list:
    """A row of cells in the header's order; unnamed cells take a valid default or stay empty."""
    return [cells.get(column, DEFAULTS.get(column, "")) for column in header]


def write_csv(path, rows, header=HEADER, encoding="utf-8"):
    with path.open("w", encoding=encoding, newline="") as file:
        writer = csv.writer(file)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path, rows, header=HEADER):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def rewrite_first_sheet(path, old: str, new: str):
    """Edit the sheet's XML, to make files as other programs write them.

    `old` is a regular expression, since openpyxl writes "<x />" or "<x/>" depending on whether lxml is installed.
    """
    with zipfile.ZipFile(path) as archive:
        contents = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    assert re.search(old.encode(), contents[sheet])
    contents[sheet] = re.sub(old.encode(), new.encode(), contents[sheet])
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in contents.items():
            archive.writestr(name, data)


def run_import(path, *options, plan="2025/26") -> str:
    output = StringIO()
    call_command("import_plan", str(path), "--plan", plan, *options, stdout=output)
    return output.getvalue()


def import_errors(path, *options, plan="2025/26") -> str:
    with pytest.raises(CommandError) as raised:
        run_import(path, *options, plan=plan)
    return str(raised.value)


UNICODE_TEXT = (
    "• Bullet one – with an en dash\n• “Curly quotes” and ‘single’ ones 😀\r\n\n    indented  double  spaces\tand a tab"
)


# Word plans in the committee layout


@dataclass(frozen=True)
class Bullet:
    """A bulleted paragraph in a Word cell: by the List Bullet style, or by numbering properties alone."""

    text: str
    by_numbering: bool = False


WORD_HEADER = ("Ref", "Action", "Progress report December 2025")


def fill_cell(cell, content):
    """Write a cell: a string is one paragraph ("\n" a line break); a list gives one paragraph per item."""
    items = [content] if isinstance(content, (str, Bullet)) else list(content)
    for index, item in enumerate(items):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.add_run(item.text if isinstance(item, Bullet) else item)
        if isinstance(item, Bullet) and item.by_numbering:
            numbering = OxmlElement("w:numPr")
            for name, value in (("w:ilvl", "0"), ("w:numId", "1")):
                element = OxmlElement(name)
                element.set(qn("w:val"), value)
                numbering.append(element)
            paragraph._p.get_or_add_pPr().append(numbering)
        elif isinstance(item, Bullet):
            paragraph.style = "List Bullet"


class WordPlan:
    """A .docx plan built paragraph by paragraph and table by table, as boards write them."""

    def __init__(self):
        self.document = Document()

    def paragraph(self, text: str = "", style: str | None = None, bold: bool = False) -> "WordPlan":
        paragraph = self.document.add_paragraph(style=style)
        paragraph.add_run(text).bold = bold or None
        return self

    def table(self, *rows, objective=None, header=WORD_HEADER) -> "WordPlan":
        """An objective row (its last cell merged across the rest), the header row, then a row per item of rows."""
        width = len(header) if header else len(rows[0])
        table = self.document.add_table(rows=0, cols=width)
        if objective:
            cells = table.add_row().cells
            for cell, content in zip(cells, objective[:-1], strict=False):
                fill_cell(cell, content)
            fill_cell(cells[len(objective) - 1].merge(cells[-1]), objective[-1])
        if header:
            for cell, content in zip(table.add_row().cells, header, strict=True):
                fill_cell(cell, content)
        for row in rows:
            for cell, content in zip(table.add_row().cells, row, strict=True):
                fill_cell(cell, content)
        return self

    def bytes(self) -> bytes:
        output = io.BytesIO()
        self.document.save(output)
        return output.getvalue()

    def save(self, path):
        path.write_bytes(self.bytes())
        return path


def committee_plan(round_label: str = "December 2025") -> WordPlan:
    """A small plan in the usual committee layout: two aims, three objectives, four actions.

    Its progress is for `round_label`, which must fall within the plan it is imported into.
    """
    header = (*WORD_HEADER[:2], f"Progress report {round_label}")
    return (
        WordPlan()
        .paragraph("Business plan 2025/26", style="Title")
        .paragraph("Aim 1: Partners’ work keeps children safe", style="Heading 2")
        .table(
            ["1.1.1", "Extend the multi-agency audit programme", "We audited 40 cases."],
            ["1.1.2", "Publish the audit results", "Published in October."],
            objective=("Obj 1.1", "Show how partners’ work improves children’s lives"),
            header=header,
        )
        .table(
            ["1.2.1", "Hear from children in every audit", "Started"],
            objective=("Obj 1.2", "Hear children’s voices"),
            header=header,
        )
        .paragraph("Aim 2: Children know who to contact", style="Heading 2")
        .table(
            ["2.1.1", "Publish a leaflet for children", "Designed with the youth council"],
            objective=("Obj 2.1", "Tell children where to get help"),
            header=header,
        )
    )
