"""The yearly report's file formats, their names and how each is made, for the page, the command and publishing."""

from collections.abc import Callable
from dataclasses import dataclass

from core.responses import UNSAFE_IN_FILE_NAME

from ..models import YearlyReport
from .rendering import render_pdf, render_standalone_html
from .word import render_docx

__all__ = ["FORMATS", "FileFormat", "file_name", "render_docx", "render_pdf", "render_standalone_html"]


@dataclass(frozen=True)
class FileFormat:
    extension: str
    content_type: str
    render: Callable[[YearlyReport], bytes]


FORMATS: dict[str, FileFormat] = {
    "html": FileFormat(
        "html", "text/html; charset=utf-8", lambda report: render_standalone_html(report).encode("utf-8")
    ),
    "pdf": FileFormat("pdf", "application/pdf", render_pdf),
    "docx": FileFormat("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", render_docx),
}


def file_name(title: str, extension: str) -> str:
    """Such as "Annual report 2025-26.pdf"."""
    stem = UNSAFE_IN_FILE_NAME.sub("-", title)
    return f"{' '.join(stem.split())}.{extension}"
