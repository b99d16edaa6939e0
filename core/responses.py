"""File downloads: one Content-Disposition for every attachment, and CSV that spreadsheets open safely."""

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from urllib.parse import quote

from django.http import HttpResponse

# A spreadsheet may run a cell that starts with one of these as a formula ("formula injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"

# Typographic dashes and apostrophes, as Word types them, keep their plain meaning in the ASCII name.
_PLAIN = str.maketrans({"–": "-", "—": "-", "‘": "'", "’": "'"})
# Characters that no file system or committee system takes in a name.
UNSAFE_IN_FILE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def guard_formula(text: str) -> str:
    """The text with an apostrophe before it if a spreadsheet could take it for a formula.

    Text that already starts with apostrophes before such a character gets one more, so that
    taking one away on import always gives the text back unchanged.
    """
    return "'" + text if text.lstrip("'").startswith(FORMULA_STARTS) else text


def ascii_file_name(name: str) -> str:
    """The name in plain ASCII for clients that cannot read the UTF-8 one: accents dropped, the rest removed."""
    stem, _, extension = name.rpartition(".")
    plain = unicodedata.normalize("NFKD", stem.translate(_PLAIN)).encode("ascii", "ignore").decode("ascii")
    plain = " ".join(UNSAFE_IN_FILE_NAME.sub("-", plain).split())
    return f"{plain if plain.strip('. -') else 'report'}.{extension}"


def attachment(content: bytes, *, name: str, content_type: str) -> HttpResponse:
    """A private download of these bytes under this name, with an ASCII fallback name (RFC 6266, RFC 5987)."""
    response = HttpResponse(content, content_type=content_type)
    fallback = ascii_file_name(name)
    disposition = f'attachment; filename="{fallback}"'
    if fallback != name:
        disposition += f"; filename*=UTF-8''{quote(name, safe='')}"
    response["Content-Disposition"] = disposition
    response["Cache-Control"] = "private"
    return response


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """UTF-8 CSV with a byte order mark (without it Excel misreads accents and dashes), formulas neutralised."""
    output = io.StringIO(newline="")
    writer = csv.writer(output)
    writer.writerow(header)
    for row in rows:
        writer.writerow([guard_formula(cell) if isinstance(cell, str) else cell for cell in row])
    return ("\ufeff" + output.getvalue()).encode("utf-8")


def csv_response(name: str, header: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    """A CSV download of a table: its header row, then its rows."""
    return attachment(csv_bytes(header, rows), name=name, content_type=CSV_CONTENT_TYPE)
