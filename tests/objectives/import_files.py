"""Files for the import tests: rows in the import's columns, written as CSV or XLSX."""

import csv
import re
import zipfile
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
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
