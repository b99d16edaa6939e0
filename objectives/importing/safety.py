"""Look at an uploaded file's bytes before any parser opens it: its size, what it really is, and zip bombs."""

import io
import zipfile
from pathlib import PurePath

from django.conf import settings

# The largest file the import takes; a plan of several hundred actions with progress is well under 1 MB.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# The most rows (below the header) a file may have: above any real plan (several hundred actions). Confirming writes
# each new object with its history inside the request, which costs tens of milliseconds a row (bench/import_limits.py),
# so this keeps a confirmation well inside the app server's 30-second timeout.
DEFAULT_MAX_ROWS = 1000
# A workbook or document unpacks to a few times its size; these limits are far above any real plan.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_MEMBERS = 1000
MAX_RATIO = 100
RATIO_CHECKED_FROM = 1024 * 1024

EXTENSIONS = (".csv", ".xlsx", ".docx")
# What each kind of file must contain, and how the messages name it.
_MAIN_PARTS = {".xlsx": "xl/workbook.xml", ".docx": "word/document.xml"}
_NAMES = {".csv": "a CSV file", ".xlsx": "an Excel workbook", ".docx": "a Word document"}
_SAVE_AS = {
    ".csv": "In Excel, use Save As “CSV UTF-8 (Comma delimited) (*.csv)”.",
    ".xlsx": "Open it in Excel and save it as .xlsx.",
    ".docx": "Open it in Word and save it as .docx.",
}
# Old Office files (.xls, .doc) and password-protected new ones are OLE2 compound files, not ZIP files.
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BINARY_SIGNATURES = {b"%PDF": "a PDF file", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image"}


class FileProblem(Exception):
    """A file that cannot be read as a plan at all, with a message the board manager can act on."""


def max_bytes() -> int:
    """The size limit: settings.IMPORT_MAX_BYTES if set, else 5 MB."""
    return getattr(settings, "IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES)


def max_rows() -> int:
    """The row limit: settings.IMPORT_MAX_ROWS if set, else 1,000."""
    return getattr(settings, "IMPORT_MAX_ROWS", DEFAULT_MAX_ROWS)


def check_row_count(count: int, filename: str) -> None:
    """Refuse a file with more rows below its header than the import takes, saying how many it has."""
    if count > max_rows():
        raise FileProblem(
            f"{filename} has {count:,} rows below its header; the import takes files of up to {max_rows():,} rows. "
            "Split the file into smaller ones and import them one after the other."
        )


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def extension_of(filename: str) -> str:
    """The file's extension, lower case; refuses any the import does not read."""
    extension = PurePath(filename).suffix.lower()
    if extension not in EXTENSIONS:
        shown = extension or "no extension"
        raise FileProblem(f"{filename} is not a .csv, .xlsx or .docx file ({shown}). Save the plan as one of those.")
    return extension


def check_size(size: int, filename: str) -> None:
    if size > max_bytes():
        raise FileProblem(
            f"{filename} is {megabytes(size)}; the import takes files of up to {megabytes(max_bytes())}. "
            "Leave out pictures and embedded files, or split the plan."
        )


def check_file(data: bytes, filename: str) -> str:
    """The file's extension once its bytes are shown to be that kind of file and safe to open."""
    extension = extension_of(filename)
    if not data:
        raise FileProblem(f"{filename} is empty.")
    check_size(len(data), filename)
    if extension == ".csv":
        _check_text(data, filename)
    else:
        _check_package(data, filename, extension)
    return extension


def _check_text(data: bytes, filename: str) -> None:
    if zipfile.is_zipfile(io.BytesIO(data)):
        kind = _package_kind(data)
        if kind:
            raise FileProblem(f"{filename} is {_NAMES[kind]}, not a CSV file: rename it to end in {kind}.")
        raise FileProblem(f"{filename} is a ZIP file, not a CSV file.")
    if data.startswith(_OLE2):
        raise FileProblem(f"{filename} is an old Excel (.xls) or Word (.doc) file, not a CSV file. {_SAVE_AS['.csv']}")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileProblem(f"{filename} is UTF-16 text, not UTF-8. {_SAVE_AS['.csv']}")
    for signature, kind in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise FileProblem(f"{filename} is {kind}, not a CSV file.")
    # Text has the odd stray control character (reported with its row later); binary data is full of them.
    sample = data[:8192]
    controls = sum(byte < 32 and byte not in b"\t\n\r" for byte in sample)
    if controls * 10 > len(sample):
        raise FileProblem(f"{filename} is not a CSV file: it holds binary data, not text. {_SAVE_AS['.csv']}")


def _check_package(data: bytes, filename: str, extension: str) -> None:
    wanted = _NAMES[extension]
    if not zipfile.is_zipfile(io.BytesIO(data)):
        hint = ""
        if data.startswith(_OLE2):
            hint = " It may be password-protected (remove the password) or an old .xls or .doc file."
        raise FileProblem(f"{filename} is not {wanted} (it is not a ZIP file).{hint} {_SAVE_AS[extension]}")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise FileProblem(
            f"{filename} is not {wanted}: the ZIP file inside is damaged. {_SAVE_AS[extension]}"
        ) from None
    _check_members(members, filename, wanted)
    names = {member.filename for member in members}
    if "[Content_Types].xml" not in names or _MAIN_PARTS[extension] not in names:
        kind = _package_kind(data)
        if kind and kind != extension:
            raise FileProblem(f"{filename} is {_NAMES[kind]}, not {wanted}: rename it to end in {kind}.")
        missing = "[Content_Types].xml" if "[Content_Types].xml" not in names else _MAIN_PARTS[extension]
        raise FileProblem(f"{filename} is not {wanted} (it has no {missing}). {_SAVE_AS[extension]}")


def _check_members(members: list[zipfile.ZipInfo], filename: str, wanted: str) -> None:
    """Refuse zip bombs by the sizes the archive declares; Python's zipfile never unpacks more than declared."""
    refusal = "so it may be a zip bomb and was not opened."
    if len(members) > MAX_MEMBERS:
        raise FileProblem(f"{filename} holds {len(members):,} files, far more than {wanted} has, {refusal}")
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise FileProblem(
            f"{filename} would unpack to {megabytes(unpacked)}, more than the {megabytes(MAX_UNPACKED_BYTES)} "
            f"a plan can need, {refusal}"
        )
    for member in members:
        if member.file_size > RATIO_CHECKED_FROM and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise FileProblem(f"{filename} holds {member.filename}, compressed more than {MAX_RATIO} to 1, {refusal}")


def _package_kind(data: bytes) -> str | None:
    """Which Office file a ZIP file is, by its main part, or None."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, EOFError):
        return None
    return next((extension for extension, part in _MAIN_PARTS.items() if part in names), None)
