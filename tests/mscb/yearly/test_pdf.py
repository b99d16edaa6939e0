"""The yearly report's PDF, laid out by Typst: typed text printed as typed, every section a real heading with its
tables, the document's title, author and language, running heads with page numbers, the same bytes each time."""

import json
import re

import pytest
from django.conf import settings

from core.models import FilesStatus
from mscb.models import PublishedYearlyReport
from mscb.yearly import services
from mscb.yearly.registry import sections
from mscb.yearly.rendering import pdf_data, render_pdf
from mscb.yearly.typst_parts import PENDING
from objectives.models import Action

from .pdf_reading import info_of, saved, structure_of, text_of

pytestmark = pytest.mark.django_db

# Every character Typst's markup gives a meaning to, as a board might type them.
MARKUP = [
    '#panic("no")',
    "*not bold* _not italic_",
    "$x + y$",
    'a "quoted" word',
    "back\\slash",
    "<label> @ref",
    "= Not a heading",
]


def _tables(data: dict) -> list[dict]:
    return [block for section in data["sections"] for block in section["blocks"] if block["kind"] == "table"]


def test_typed_text_with_typst_markup_is_printed_as_typed(year_plan, board_manager, tmp_path):
    Action.objects.filter(ref="1.1.1").update(text=" ".join(MARKUP))
    report = services.generate_yearly_report(plan=year_plan, by=board_manager)
    services.save_narrative(
        report=report, section="impact", text="\n".join(MARKUP), by=board_manager, expected_version=None
    )

    text = text_of(saved(render_pdf(report), tmp_path))

    # In the narrative, a line each; in the priorities, impact and little-progress tables, the action's text.
    assert all(typed in text for typed in MARKUP)
    assert text.count('a "quoted" word') >= 3


def test_each_section_is_a_heading_with_its_subheadings_and_tables_with_header_rows(report, tmp_path):
    data = pdf_data(report)
    path = saved(render_pdf(report), tmp_path)
    structure = structure_of(path)
    headings = [line for line in structure if re.match(r"H[1-3] ", line)]

    assert headings[0] == f'H1 "{report.title}" (block)'
    assert [line for line in headings if line.startswith("H2 ")] == [
        'H2 "Contents" (block)',
        *(f'H2 "{section.title}" (block)' for section in sections()),
    ]
    subheadings = [
        block["text"] for section in data["sections"] for block in section["blocks"] if block["kind"] == "heading"
    ]
    assert [line for line in headings if line.startswith("H3 ")] == [f'H3 "{text}" (block)' for text in subheadings]
    tables = _tables(data)
    assert tables
    assert structure.count("Table (block):") == len(tables)
    assert structure.count("THead") == len(tables)
    text = text_of(path)
    assert all(table["caption"] in text for table in tables)


def test_the_pdf_is_titled_by_the_board_in_british_english_with_running_heads_and_page_numbers(report, tmp_path):
    pdf = render_pdf(report)
    path = saved(pdf, tmp_path)
    info = info_of(path)
    pages = int(re.search(r"Pages: (\d+)", info)[1])

    assert "Tagged: yes" in info
    assert f"Title: {report.title}" in info
    assert f"Author: {settings.BOARD_NAME}" in info
    assert b"/Lang(en-GB)" in pdf
    assert pages > 1
    last = text_of(path, pages)
    assert last.startswith(settings.BOARD_NAME)
    assert last.endswith(f"{report.title} Page {pages} of {pages}")


def test_the_same_report_gives_the_same_bytes_dated_the_day_its_figures_were_generated(report, tmp_path):
    pdf = render_pdf(report)

    assert render_pdf(report) == pdf
    assert pdf_data(report)["made_on"] == report.generated_at.date().isoformat()


def test_a_report_whose_figures_were_never_generated_says_so_in_each_section(year_plan, tmp_path):
    report = services.report_for(year_plan)

    text = text_of(saved(render_pdf(report), tmp_path))

    assert all(section.title in text for section in sections())
    assert text.count(PENDING) == sum(section.pdf_blocks({})[0]["text"] == PENDING for section in sections())
    assert "No feedback from children and families was recorded for the year." in text


def test_publishing_freezes_the_pdfs_data_not_html(report, board_manager):
    publication = services.publish_yearly_report(report=report, by=board_manager)

    assert json.loads(publication.pdf_source) == json.loads(json.dumps(pdf_data(report)))


def test_a_publication_frozen_as_html_for_the_earlier_engine_fails_and_says_to_publish_again(report, board_manager):
    publication = PublishedYearlyReport.objects.create(
        report=report,
        title=report.title,
        published_by=board_manager,
        html="<!doctype html>",
        pdf_source="<!doctype html><html lang='en-GB'></html>",
        docx=b"PK",
        files_status=FilesStatus.PREPARING,
    )

    services.make_published_files.call(publication.pk)

    publication.refresh_from_db()
    assert publication.files_status == FilesStatus.FAILED
    assert "publish the report again" in publication.files_error
