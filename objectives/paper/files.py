"""The paper's file formats, their names and how they are sent as downloads."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from core.formats import month_year
from core.responses import UNSAFE_IN_FILE_NAME

from .html import render_standalone_html
from .pdf import render_pdf
from .snapshot import Paper
from .word import render_word


@dataclass(frozen=True)
class FileFormat:
    extension: str
    content_type: str
    render: Callable[[Paper], bytes]
    # Binary files cannot go to a terminal.
    is_binary: bool


def _render_html(paper: Paper) -> bytes:
    return render_standalone_html(paper).encode("utf-8")


FILE_FORMATS: dict[str, FileFormat] = {
    "html": FileFormat("html", "text/html; charset=utf-8", _render_html, is_binary=False),
    "pdf": FileFormat("pdf", "application/pdf", render_pdf, is_binary=True),
    "docx": FileFormat(
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        render_word,
        is_binary=True,
    ),
}


def file_name(*, plan_title: str, as_of: date, extension: str) -> str:
    """Such as "2025-26 progress report December 2025.pdf"."""
    stem = UNSAFE_IN_FILE_NAME.sub("-", f"{plan_title} progress report {month_year(as_of)}")
    return f"{' '.join(stem.split())}.{extension}"
