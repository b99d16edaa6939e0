from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from docx import Document

from tests.factories import (
    ActionFactory,
    AimFactory,
    BusinessPlanFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    return BusinessPlanFactory(title="2025/26")


@pytest.fixture
def december(plan):
    return ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31))


@pytest.fixture
def updates(plan, december):
    objective = ObjectiveFactory(aim=AimFactory(plan=plan, number=1), ref="1.1")
    return [
        ProgressUpdateFactory(
            action=ActionFactory(objective=objective, ref=f"1.1.{number}", text=f"Action number {number}"),
            round=december,
            progress=f"Progress on action {number}",
        )
        for number in (1, 2, 10)
    ]


def _export(*args, **options):
    stdout, stderr = StringIO(), StringIO()
    call_command("export_report", *args, stdout=stdout, stderr=stderr, **options)
    return stdout.getvalue(), stderr.getvalue()


def test_export_writes_every_action_with_its_progress(updates, tmp_path):
    output = tmp_path / "report.html"

    _export("--plan", "2025/26", "--round", "2025-12-31", "-o", str(output))

    html = output.read_text(encoding="utf-8")
    for update in updates:
        assert f'<td class="report-ref">{update.action.ref}</td>' in html
        assert update.action.text in html
        assert f"<p>{update.progress}</p>" in html
    assert html.index(">1.1.2<") < html.index(">1.1.10<")


def test_export_is_one_self_contained_file(updates, tmp_path):
    output = tmp_path / "report.html"

    _export("--plan", "2025/26", "--round", "2025-12-31", "-o", str(output))

    html = output.read_text(encoding="utf-8")
    assert "size: A4 landscape" in html
    assert ".rag-red {" in html
    assert '@top-left { content: "Safeguarding Children Partnership"; }' in html
    assert "<link" not in html
    assert "<script" not in html
    assert "src=" not in html


def test_export_shows_typed_html_as_text(plan, december, tmp_path):
    objective = ObjectiveFactory(aim=AimFactory(plan=plan, number=1), ref="1.1")
    ProgressUpdateFactory(
        action=ActionFactory(objective=objective), round=december, progress="<script>alert(1)</script>"
    )
    output = tmp_path / "report.html"

    _export("--plan", "2025/26", "--round", "2025-12-31", "-o", str(output))

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in output.read_text(encoding="utf-8")


def test_export_prints_one_summary_line(updates, tmp_path):
    output = tmp_path / "report.html"

    stdout, _ = _export("--plan", "2025/26", "--round", "2025-12-31", "-o", str(output))

    assert stdout == (f"Wrote Progress report December 2025 for business plan 2025/26 (3 actions, html) to {output}.\n")


def test_export_without_output_writes_the_report_to_standard_output(updates):
    stdout, stderr = _export("--plan", "2025/26", "--round", "2025-12-31")

    assert stdout.startswith("<!doctype html>")
    assert "Progress on action 10" in stdout
    assert (
        stderr
        == "Wrote Progress report December 2025 for business plan 2025/26 (3 actions, html) to standard output.\n"
    )


def test_export_names_the_plans_when_the_plan_is_unknown(plan, december):
    BusinessPlanFactory(title="2026/27", starts_on=date(2026, 4, 1), ends_on=date(2027, 3, 31))

    with pytest.raises(CommandError, match=r"no business plan titled '2024/25'\. Plans: 2025/26, 2026/27\."):
        _export("--plan", "2024/25", "--round", "2025-12-31")


def test_export_lists_the_plans_rounds_when_the_round_is_unknown(plan, december):
    ProgressRoundFactory(plan=plan, as_of=date(2025, 6, 30))

    with pytest.raises(
        CommandError,
        match=r"2025/26 has no progress round as of 2025-11-30\. Its rounds are as of: 2025-06-30, 2025-12-31\.",
    ):
        _export("--plan", "2025/26", "--round", "2025-11-30")


def test_export_rejects_a_round_date_it_cannot_read(plan, december):
    with pytest.raises(CommandError, match=r"--round must be the round's as-of date as YYYY-MM-DD.*'31/12/2025'"):
        _export("--plan", "2025/26", "--round", "31/12/2025")


def test_export_rejects_an_unsupported_format(plan, december, tmp_path):
    with pytest.raises(CommandError, match=r"cannot write 'odt'; choose one of: html, pdf, docx\."):
        _export("--plan", "2025/26", "--round", "2025-12-31", "--format", "odt", "-o", str(tmp_path / "r.odt"))


def test_export_explains_when_it_cannot_write_the_file(plan, december, tmp_path):
    output = tmp_path / "missing-folder" / "report.html"

    with pytest.raises(CommandError, match=r"Could not write .*report\.html: No such file or directory\."):
        _export("--plan", "2025/26", "--round", "2025-12-31", "-o", str(output))


def test_export_writes_a_pdf(updates, tmp_path):
    output = tmp_path / "report.pdf"

    stdout, _ = _export("--plan", "2025/26", "--round", "2025-12-31", "--format", "pdf", "-o", str(output))

    assert output.read_bytes().startswith(b"%PDF-")
    assert stdout == f"Wrote Progress report December 2025 for business plan 2025/26 (3 actions, pdf) to {output}.\n"


def test_export_writes_a_word_document_with_every_action(updates, tmp_path):
    output = tmp_path / "report.docx"

    _export("--plan", "2025/26", "--round", "2025-12-31", "--format", "DOCX", "-o", str(output))

    cells = [cell.text for table in Document(output).tables for row in table.rows for cell in row.cells]
    for update in updates:
        assert update.action.ref in cells
        assert any(update.progress in cell for cell in cells)


def test_export_names_the_author_on_the_cover(updates, tmp_path):
    output = tmp_path / "report.html"

    _export("--plan", "2025/26", "--round", "2025-12-31", "--author", "Alex Marlowe", "-o", str(output))

    assert "<dt>Author</dt>\n          <dd>Alex Marlowe</dd>" in output.read_text(encoding="utf-8")


@pytest.mark.parametrize("file_format", ["pdf", "docx"])
def test_export_refuses_to_write_a_binary_file_to_standard_output(plan, december, file_format):
    with pytest.raises(CommandError, match=r"binary and cannot go to standard output: name the file with -o"):
        _export("--plan", "2025/26", "--round", "2025-12-31", "--format", file_format)
