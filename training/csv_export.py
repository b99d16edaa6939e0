"""Every table of figures can be downloaded as CSV, with spreadsheet formulas neutralised."""

import csv
from collections.abc import Iterable, Sequence

from django.http import HttpResponse

from objectives.importing.cells import guard_formula


def csv_response(file_name: str, header: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    """A CSV download; text cells that a spreadsheet would run as a formula get a leading apostrophe."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    # Excel reads UTF-8 correctly only with the byte-order mark.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow([guard_formula(cell) if isinstance(cell, str) else cell for cell in row])
    return response
