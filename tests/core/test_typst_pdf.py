"""Typst PDFs: typed text stays text, the file is tagged and repeatable, and a fault in a template is named."""

import shutil
import subprocess
from datetime import date

import pytest

from core.typst_pdf import PdfLayoutError, compile_pdf

ENTRY = """
#let data = json(bytes(sys.inputs.data))
#set document(title: data.title)
#set text(lang: "en", region: "gb")
= #data.title
#for line in data.lines [#line \\ ]
"""


def pdf_text(pdf: bytes, tmp_path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (apt-get install poppler-utils) is needed to read the PDF back")
    path = tmp_path / "made.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_typed_markup_is_printed_as_written_never_obeyed(tmp_path):
    lines = ['#panic("no")', "= Not a heading", '*not bold* $x$ <label> @ref \\ "quoted"']
    text = pdf_text(compile_pdf(ENTRY, {"title": "Plan #1", "lines": lines}, made_on=date(2026, 1, 2)), tmp_path)
    for line in lines:
        assert line in text


def test_the_pdf_is_tagged_and_the_same_data_gives_the_same_bytes(tmp_path):
    if not shutil.which("pdfinfo"):
        pytest.skip("pdfinfo (apt-get install poppler-utils) is needed to read the PDF's properties")
    first = compile_pdf(ENTRY, {"title": "Same", "lines": ["one"]}, made_on=date(2026, 1, 2))
    second = compile_pdf(ENTRY, {"title": "Same", "lines": ["one"]}, made_on=date(2026, 1, 2))
    assert first == second
    path = tmp_path / "tagged.pdf"
    path.write_bytes(first)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "Tagged:          yes" in info
    assert "Title:           Same" in info


def test_a_fault_in_a_template_is_named_not_a_bare_crash():
    with pytest.raises(PdfLayoutError, match="The PDF could not be laid out: .*unknown variable"):
        compile_pdf("#nothing-called-this", {}, made_on=date(2026, 1, 2))


def test_templates_cannot_read_outside_the_project():
    with pytest.raises(PdfLayoutError, match="could not be laid out"):
        compile_pdf('#read("/etc/passwd")', {}, made_on=date(2026, 1, 2))
