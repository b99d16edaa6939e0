"""The register, as filtered on its page, as a CSV or Excel file: one row per recommendation."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from core.recommendations import Entry
from core.responses import csv_bytes
from objectives.exporting import CONTENT_TYPES, _xlsx_text

HEADER = [
    "Source",
    "Source kind",
    "Report date",
    "Number",
    "Recommendation",
    "Agencies",
    "Decision",
    "Reasons",
    "Decided by",
    "Meeting",
    "Decided on",
    "Status",
    "Actions",
]
_WIDE = {"Source": 40, "Recommendation": 60, "Reasons": 40, "Agencies": 30, "Actions": 40}


def entry_row(entry: Entry) -> list:
    return [
        entry.source,
        entry.kind_label,
        entry.reported_on.isoformat() if entry.reported_on else "",
        entry.number,
        entry.text,
        "; ".join(entry.agencies),
        entry.decision_label,
        entry.decision_reasons,
        entry.decided_by,
        entry.decision_meeting,
        entry.decided_on.isoformat() if entry.decided_on else "",
        entry.status.label,
        "; ".join(f"{action.ref} ({action.status_label})" for action in entry.actions),
    ]


def register_csv(entries: list[Entry]) -> bytes:
    return csv_bytes(HEADER, (entry_row(entry) for entry in entries))


def register_xlsx(entries: list[Entry]) -> bytes:
    """One sheet, the header bold in row 1 and frozen; long text wrapped."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Register"
    sheet.append(HEADER)
    for entry in entries:
        sheet.append([_xlsx_text(value) if isinstance(value, str) else value for value in entry_row(entry)])
    for index, heading in enumerate(HEADER, start=1):
        sheet.cell(row=1, column=index).font = Font(bold=True)
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = _WIDE.get(heading, 14)
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


WRITERS = {"csv": register_csv, "xlsx": register_xlsx}
__all__ = ["CONTENT_TYPES", "WRITERS", "entry_row"]
