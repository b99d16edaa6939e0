"""Read a .csv, .xlsx or .docx file into rows of cells, numbered as the spreadsheet numbers them."""

import contextlib
import csv
import io
import os
from collections.abc import Callable
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.escape import unescape

from core.formats import month_year

from .cells import SheetRow, Unreadable, is_blank, shorten
from .row_count import count_rows
from .safety import FileProblem, check_file, check_row_count, check_size, extension_of, max_bytes
from .word import read_docx

__all__ = ["FileProblem", "SheetRow", "read_plan_file", "read_rows", "read_upload"]

CSV_HELP = "In Excel, use Save As “CSV UTF-8 (Comma delimited) (*.csv)”."


def read_rows(file: BinaryIO, filename: str, *, shape: str | None = None) -> list[SheetRow]:
    """The file's non-blank rows; the first is the header. A Word plan is read in the layout of `shape`."""
    extension_of(filename)
    # A file on disk says its size before it is read; anything else (a pipe) shows it once read.
    with contextlib.suppress(AttributeError, OSError):
        check_size(os.fstat(file.fileno()).st_size, filename)
    # One byte past the limit is enough to know the file is too big, without reading all of it.
    data = file.read(max_bytes() + 1)
    check_size(len(data), filename)
    return read_plan_file(data, filename, shape=shape)


def read_upload(upload: UploadedFile, read: Callable[[bytes, str], object]) -> bytes:
    """An upload form's file as bytes, once `read` can read them; a FileProblem becomes the field's error.

    Read on the upload page, so a file that cannot be read at all is refused there rather than on the next page.
    """
    try:
        check_size(upload.size, upload.name)
        content = upload.read()
        read(content, upload.name)
    except FileProblem as problem:
        raise ValidationError(str(problem)) from None
    return content


def read_plan_file(data: bytes, filename: str, *, shape: str | None = None) -> list[SheetRow]:
    """Rows from a file's bytes, once they are shown to be safe to open as the kind its name says.

    A Word plan is read in the layout of the plan's `shape`; without one, in the layout it looks like.
    """
    extension = check_file(data, filename)
    if extension == ".docx":
        rows = read_docx(data, filename, shape)
        check_row_count(len(rows) - 1, filename)
        return rows
    # Counted before any row is read into cells, so a file far too long is refused in a fraction of a second.
    check_row_count(count_rows(data, filename, extension) - 1, filename)
    rows = _read_csv(data) if extension == ".csv" else _read_xlsx(data, filename)
    rows = [row for row in rows if not all(is_blank(cell) for cell in row.cells)]
    if not rows:
        raise FileProblem(f"{filename} has no rows: it needs a header row and one row per action.")
    return rows


def _read_csv(data: bytes) -> list[SheetRow]:
    # Undecodable bytes become lone surrogates, so the rows can still be parsed to say where the first one is.
    text = data.decode("utf-8-sig", errors="surrogateescape")
    # The field size limit guards against runaway input; no cell can be longer than the whole file.
    csv.field_size_limit(max(csv.field_size_limit(), len(text)))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        rows = [SheetRow(number, tuple(cells)) for number, cells in enumerate(reader, start=1)]
    except csv.Error as error:
        raise FileProblem(f"The file cannot be read as CSV: {error} (row {reader.line_num}). {CSV_HELP}") from None
    for row in rows:
        for index, cell in enumerate(row.cells):
            bad = next((char for char in cell if "\udc80" <= char <= "\udcff"), None)
            if bad is not None:
                raise FileProblem(
                    f"The file is not UTF-8 text: row {row.number}, column {get_column_letter(index + 1)} "
                    f"has the byte 0x{ord(bad) - 0xDC00:02X}. {CSV_HELP}"
                )
    return rows


def _read_xlsx(data: bytes, filename: str) -> list[SheetRow]:
    not_a_workbook = FileProblem(
        f"{filename} is not an Excel workbook that can be read: it is damaged or not really .xlsx. "
        "Open it in Excel and save it as .xlsx."
    )
    try:
        # Formulas are kept as formulas (not data_only) so they are reported rather than imported as stale values.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        try:
            sheet = workbook.worksheets[0]
            # Some programs write a wrong size into the file; read the rows that are really there.
            sheet.reset_dimensions()
            return [
                SheetRow(number, tuple(_xlsx_value(cell) for cell in cells))
                for number, cells in enumerate(sheet.iter_rows(), start=1)
            ]
        finally:
            workbook.close()
    except Exception:
        # A damaged workbook fails in many ways inside openpyxl (KeyError, ParseError …); none may be a traceback.
        raise not_a_workbook from None


def _xlsx_value(cell):
    if cell.value is None:
        return None
    if cell.data_type == "f":
        formula = getattr(cell.value, "text", cell.value)
        return Unreadable(f"holds a formula ({shorten(str(formula))}); copy the cells and paste them as values.")
    if cell.data_type == "e":
        return Unreadable(f"shows the spreadsheet error {cell.value}.")
    if isinstance(cell.value, str):
        # Excel writes some characters, such as the carriage return of a Windows line break, as _x000D_.
        return unescape(cell.value)
    if cell.is_date and _shows_month_only(cell.number_format):
        # Excel turns a typed "March 2026" into 1 March 2026 shown as a month; import what the user sees.
        return month_year(cell.value)
    return cell.value


def _shows_month_only(number_format: str) -> bool:
    codes = number_format.lower().split(";")[0]
    for quoted in codes.split('"')[1::2]:
        codes = codes.replace(f'"{quoted}"', "")
    return "y" in codes and "m" in codes and "d" not in codes and "h" not in codes
