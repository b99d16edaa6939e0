"""The paper's file formats, their names and how they are sent as downloads."""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.core.cache import cache

from core.formats import month_year
from core.responses import UNSAFE_IN_FILE_NAME

from .html import render_standalone_html
from .pdf import render_pdf
from .snapshot import Paper, to_snapshot
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

# Long enough for a committee's worth of downloads of the same paper, short enough to keep memory small.
_CACHE_SECONDS = 60 * 60


def render_file(paper: Paper, file_format: str) -> bytes:
    """The paper as a file, remembered for an hour.

    The same paper always makes the same bytes, so the chair and every councillor downloading an
    unchanged report need not wait for it to be laid out again; any change to the paper changes the key.
    """
    key = cache_key(paper, file_format)
    content = cache.get(key)
    if content is None:
        content = FILE_FORMATS[file_format].render(paper)
        cache.set(key, content, _CACHE_SECONDS)
    return content


# Raised whenever the files a paper makes change for the same paper (PDFs became tagged at 2), so nobody is
# handed a file the previous release made.
RENDERING = 2


def cache_key(paper: Paper, file_format: str) -> str:
    fingerprint = hashlib.sha256(json.dumps(to_snapshot(paper), sort_keys=True).encode()).hexdigest()
    return f"committee-paper:{RENDERING}:{file_format}:{fingerprint}"


def file_name(*, plan_title: str, as_of: date, extension: str) -> str:
    """Such as "2025-26 progress report December 2025.pdf"."""
    stem = UNSAFE_IN_FILE_NAME.sub("-", f"{plan_title} progress report {month_year(as_of)}")
    return f"{' '.join(stem.split())}.{extension}"
