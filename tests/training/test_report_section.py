"""The committee paper's Training section, against the hand-counted year in uptake_samples."""

import os
import shutil
import subprocess
from datetime import date
from http import HTTPStatus
from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document

from objectives.paper.build import build_paper
from objectives.paper.snapshot import from_snapshot, to_snapshot
from tests.factories import BusinessPlanFactory, ProgressRoundFactory
from tests.training.uptake_samples import hand_counted_world
from training import paper as paper_section

# As of 31 December 2025 only A1 and A2 (Neglect) have run: 2 sessions, 30 places, attended 4, DNA 2 of 6,
# and A1's evaluations give a mean gain of +1.5. B1 (31 March 2026) and its evaluation are left out.
DECEMBER_ROW = ["Neglect: recognising and responding", "2", "30", "4", "33%", "+1.5"]
DECEMBER_SUMMARY = (
    "From 1 April 2025 to 31 December 2025, 3 practitioners from 2 agencies attended multi-agency training."
)


@pytest.fixture
def plan(db):
    return BusinessPlanFactory(title="2025/26", starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31))


@pytest.fixture
def december(plan):
    return ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31), deadline=date(2025, 12, 12))


@pytest.fixture
def world(db):
    return hand_counted_world()


def test_section_counts_courses_from_the_plans_start_to_the_rounds_as_of_date(plan, december, world):
    section = paper_section.build(plan=plan, progress_round=december)

    assert section.title == "Training"
    assert section.data["summary"] == DECEMBER_SUMMARY
    assert paper_section.table_rows(section) == [DECEMBER_ROW]


def test_section_says_no_evaluations_yet_for_a_course_without_any(plan, world):
    march = ProgressRoundFactory(plan=plan, as_of=date(2026, 3, 31), deadline=date(2026, 3, 12))
    world.exploitation.sessions.get().registrations.get(email="e6@example.org").evaluations.all().delete()

    rows = paper_section.table_rows(paper_section.build(plan=plan, progress_round=march))

    # B1: 1 session, 15 places, attended 2, DNA 1 of 3.
    assert rows[0] == ["Child exploitation", "1", "15", "2", "33%", "no evaluations yet"]


def test_section_is_left_out_when_no_session_ran(plan, december):
    assert paper_section.build(plan=plan, progress_round=december) is None


def test_section_data_survives_the_published_snapshot(december, world):
    paper = build_paper(progress_round=december, author="")

    assert from_snapshot(to_snapshot(paper)).sections == paper.sections


def test_report_page_shows_the_training_table(reader_client, december, world):
    response = reader_client.get(reverse("objectives:report", args=[december.plan_id, december.pk]))

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert '<h2 id="report-section-training">Training</h2>' in html
    assert "<caption>Multi-agency training by course</caption>" in html
    assert DECEMBER_SUMMARY in html
    assert "".join(f"<td>{cell}</td>" for cell in DECEMBER_ROW[1:]) in "".join(html.split())
    assert "Child exploitation" not in html


def test_word_file_has_the_training_heading_summary_and_table(reader_client, december, world):
    response = reader_client.get(reverse("objectives:report_docx", args=[december.plan_id, december.pk]))

    document = Document(BytesIO(response.content))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts.index("Training") < texts.index(DECEMBER_SUMMARY)
    table = document.tables[-1]
    assert [[cell.text for cell in row.cells] for row in table.rows] == [paper_section.HEADER, DECEMBER_ROW]


def test_pdf_has_the_training_table(reader_client, december, world, tmp_path):
    if not shutil.which("pdftotext"):
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("pdftotext (poppler-utils) is needed to read the PDF back")
        pytest.skip("pdftotext (poppler-utils) is needed to read the PDF back")
    response = reader_client.get(reverse("objectives:report_pdf", args=[december.plan_id, december.pk]))
    path = tmp_path / "paper.pdf"
    path.write_bytes(response.content)

    text = " ".join(
        subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split()
    )

    assert "Training" in text
    assert DECEMBER_SUMMARY in text
    assert "Neglect: recognising and responding 2 30 4 33% +1.5" in text
    assert "Child exploitation" not in text


def test_section_takes_three_queries_when_no_session_ran(plan, december, django_assert_num_queries):
    # the round's chosen start, the courses with a session in the period (none, so no more of those), the
    # recorded figures in the period (none)
    with django_assert_num_queries(3):
        section = paper_section.build(plan=plan, progress_round=december)

    assert section is None


def test_section_with_figures_takes_seven_queries(plan, december, world, django_assert_num_queries):
    # the round's chosen start, sessions by course, registrations by course, the recorded figures, sessions
    # overall, registrations overall, confidence gains
    with django_assert_num_queries(7):
        section = paper_section.build(plan=plan, progress_round=december)

    assert section is not None
