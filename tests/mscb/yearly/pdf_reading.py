"""Reading a yearly report's PDF back with poppler's tools: its text, its properties and its tagged structure."""

import shutil
import subprocess
from pathlib import Path

import pytest


def _run(tool: str, *args: str) -> str:
    if not shutil.which(tool):
        pytest.skip(f"{tool} (apt-get install poppler-utils) is needed to read the PDF back")
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True).stdout


def saved(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    return str(path)


def text_of(path: str, *pages: int) -> str:
    """The text, its whitespace made single spaces; only `pages` (first, last) when given."""
    page_range = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    return " ".join(_run("pdftotext", *page_range, path, "-").split())


def info_of(path: str) -> str:
    return " ".join(_run("pdfinfo", path).split())


def structure_of(path: str) -> list[str]:
    """The tagged structure tree, one element a line, its indentation stripped ("H2 \"Evidence of impact\" (block)")."""
    return [line.strip() for line in _run("pdfinfo", "-struct-text", path).splitlines() if line.strip()]
