"""The yearly report as files: Word with its section headings, a tagged PDF, and the export command."""

import io
import shutil
import subprocess

import pytest
from django.core.management import CommandError, call_command
from docx import Document

from mscb.models import YearlyReport
from mscb.yearly import services
from mscb.yearly.files import render_docx, render_pdf
from mscb.yearly.registry import sections

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(year_plan, board_manager):
    report = services.generate_yearly_report(plan=year_plan, by=board_manager)
    services.save_narrative(
        report=report, section="partners", text="First paragraph.\n\nSecond.", by=board_manager, expected_version=None
    )
    return report


def headings(document, style: str) -> list[str]:
    return [paragraph.text for paragraph in document.paragraphs if paragraph.style.name == style]


def test_the_word_file_has_a_title_contents_and_every_section_heading_with_its_narrative(report):
    document = Document(io.BytesIO(render_docx(report)))

    assert headings(document, "Title") == [report.title]
    assert headings(document, "Heading 1") == ["Contents", *(section.title for section in sections())]
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts.index("First paragraph.") + 1 == texts.index("Second.")
    assert any("Repeat referrals" in cell.text for table in document.tables for cell in table.columns[0].cells)


def _pdf_tool(name: str):
    if not shutil.which(name):
        pytest.skip(f"{name} (apt-get install poppler-utils) is needed to read the PDF back")


def test_the_pdf_is_tagged_titled_and_holds_every_section(report, tmp_path):
    _pdf_tool("pdfinfo")
    path = tmp_path / "report.pdf"
    path.write_bytes(render_pdf(report))

    info = " ".join(subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout.split())
    text = " ".join(
        subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split()
    )
    assert "Tagged: yes" in info
    assert f"Title: {report.title}" in info
    assert all(section.title in text for section in sections())


@pytest.mark.parametrize(("file_format", "starts"), [("docx", b"PK"), ("pdf", b"%PDF"), ("html", b"<!doctype html>")])
def test_the_command_writes_each_format(report, tmp_path, file_format, starts):
    output = io.StringIO()
    path = tmp_path / f"report.{file_format}"

    call_command(
        "export_annual_report", plan=report.plan.title, file_format=file_format, output=str(path), stdout=output
    )

    assert path.read_bytes().startswith(starts)
    assert f"to {path}" in output.getvalue()
    assert "Generated" not in output.getvalue()


def test_the_command_generates_figures_a_report_never_had_and_says_so(year_plan, tmp_path):
    output = io.StringIO()

    call_command(
        "export_annual_report", plan=year_plan.title, file_format="html", output=str(tmp_path / "r.html"), stdout=output
    )

    assert "Generated the figures" in output.getvalue()
    assert YearlyReport.objects.get(plan=year_plan).generated_at is not None


@pytest.mark.parametrize(
    ("plan", "file_format", "output", "says"),
    [
        ("1999/00", "docx", "report.docx", "There is no business plan titled"),
        (None, "xls", "report.xls", "cannot write 'xls'"),
        (None, "html", "/no/such/folder/report.html", "Could not write"),
    ],
)
def test_the_command_refuses_what_it_cannot_do(report, plan, file_format, output, says, tmp_path):
    target = output if output.startswith("/") else str(tmp_path / output)

    with pytest.raises(CommandError, match=says):
        call_command("export_annual_report", plan=plan or report.plan.title, file_format=file_format, output=target)
