"""Count a spreadsheet's non-blank rows without reading them into cells, so a file too long is refused at once."""

import csv
import io

from openpyxl import load_workbook


def count_rows(data: bytes, filename: str, extension: str) -> int:
    """The non-blank rows of a .csv or .xlsx file, the header included; 0 for a file its reader will refuse."""
    try:
        return _count_csv(data) if extension == ".csv" else _count_xlsx(data)
    except Exception:
        # A file that cannot be parsed is refused by its reader, with a message saying where; not counted here.
        return 0


def _count_csv(data: bytes) -> int:
    text = data.decode("utf-8-sig", errors="replace")
    csv.field_size_limit(max(csv.field_size_limit(), len(text)))
    return sum(1 for cells in csv.reader(io.StringIO(text, newline="")) if any(cell.strip() for cell in cells))


def _count_xlsx(data: bytes) -> int:
    workbook = load_workbook(io.BytesIO(data), read_only=True)
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()
        return sum(1 for values in sheet.iter_rows(values_only=True) if any(_filled(value) for value in values))
    finally:
        workbook.close()


def _filled(value) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))
