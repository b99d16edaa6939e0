"""PDFs laid out by Typst: our own .typ templates, given their data as JSON, compiled to tagged PDF/UA-1.

The data is passed through `sys.inputs` and read by the template with `json(bytes(sys.inputs.data))`, so typed text
is only ever a Typst string: no board's wording can be read as markup. Templates are imported by absolute paths from
the project's folder (Typst's root), such as "/objectives/paper/typst/paper.typ"; nothing else on disk or the
network can be read.
"""

import json
from datetime import UTC, date, datetime, time
from functools import cache

import typst
from django.conf import settings

# Tagged to PDF/UA-1, as public bodies must publish accessible documents: headings, tables with header cells,
# the language and the title all reach a screen reader.
PDF_STANDARD = "ua-1"


class PdfLayoutError(RuntimeError):
    """A template could not be laid out: a fault in our own template or its data, never in what a board typed."""


@cache
def _fonts() -> typst.Fonts:
    # Read once per process: the system's fonts (DejaVu Sans on Debian) and Typst's own.
    return typst.Fonts(include_system_fonts=True, include_embedded_fonts=True)


def compile_pdf(entry: str, data: dict, *, made_on: date) -> bytes:
    """The PDF's bytes of Typst source `entry` given `data`; the same source, data and date give the same bytes."""
    compiler = typst.Compiler(root=str(settings.BASE_DIR), font_paths=_fonts())
    try:
        return compiler.compile(
            input=entry.encode("utf-8"),
            format="pdf",
            sys_inputs={"data": json.dumps(data)},
            pdf_standards=PDF_STANDARD,
            # The document's creation date is the day it was made for, not the clock, so a paper rebuilt
            # later is byte for byte the one published.
            timestamp=datetime.combine(made_on, time(), tzinfo=UTC),
        )
    except typst.TypstError as error:
        raise PdfLayoutError(f"The PDF could not be laid out: {error.message}") from error
