"""The covering report in the paper: the cover, then the summary and numbered sections, then the plan table as the
appendix; alike on the page, in the PDF, in Word and from export_report, and frozen when published."""

from datetime import date
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from docx import Document

from objectives.paper.build import build_paper
from objectives.paper.html import render_standalone_html
from objectives.paper.snapshot import from_snapshot, to_snapshot
from objectives.paper.word import render_word
from objectives.services.publishing import publish_report
from objectives.views.report import report_round
from tests.factories import (
    ActionFactory,
    AimFactory,
    CoveringReportFactory,
    CoveringSectionFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
)
from tests.objectives.paper_reading import in_order, paper_page, paper_pdf_text, paper_word_text

pytestmark = pytest.mark.django_db

# The order a reader meets the paper in: cover, covering report, at a glance, then the plan table as the appendix.
ORDER = [
    "Business plan 2025/26: progress report December 2025",
    "Meeting date",
    "Report from",
    "Helen Ashcombe, Independent Chair",
    "Summary",
    "Most actions are on track.",
    "1. Recommendations",
    "Note the progress.",
    "2. Background",
    "Why the committee asked.",
    "At a glance",
    "Appendix – Business plan 2025/26: Progress report December 2025",
    "Aim 1: Keep children safe",
    "Audit the front door",
]


@pytest.fixture
def december():
    objective = ObjectiveFactory(aim=AimFactory(plan__title="2025/26", number="1", title="Keep children safe"))
    progress_round = ProgressRoundFactory(plan=objective.plan, as_of=date(2025, 12, 31))
    ProgressUpdateFactory(action=ActionFactory(objective=objective, text="Audit the front door"), round=progress_round)
    return progress_round


@pytest.fixture
def covering(december):
    report = CoveringReportFactory(
        round=december,
        title="Business plan 2025/26: progress report December 2025",
        committee="Children's Services Scrutiny Committee",
        meeting_on=date(2026, 2, 10),
        report_from_name="Helen Ashcombe",
        report_from_role="Independent Chair",
        author="Alex Marlowe, Board Manager",
        contact="01632 960 418",
        summary="Most actions are on track.\n\n- Section 11 audits done\n- Training well attended",
    )
    CoveringSectionFactory(report=report, position=1, heading="Recommendations", text="Note the progress.")
    CoveringSectionFactory(report=report, position=2, heading="Background", text="Why the committee asked.")
    return report


def test_the_page_shows_the_cover_then_the_covering_report_then_the_appendix(manager_client, covering, december):
    page = paper_page(manager_client, december)

    assert in_order(page, ORDER)
    assert "<dd>10 February 2026</dd>" in page
    assert "Report to the Children&#x27;s Services Scrutiny Committee" in page
    assert "<li>Section 11 audits done</li>" in page


def test_the_cover_names_the_covering_reports_author_not_whoever_opens_it(manager_client, covering, december):
    page = paper_page(manager_client, december)

    assert "<dd>Alex Marlowe, Board Manager</dd>" in page
    assert "Morgan Manager" not in page
    assert "<dd>01632 960 418</dd>" in page


def test_headings_with_no_text_are_left_out_and_the_numbers_close_up(manager_client, december):
    report = CoveringReportFactory(round=december)
    CoveringSectionFactory(report=report, position=1, heading="Recommendations")
    CoveringSectionFactory(report=report, position=3, heading="Legal implications")

    page = paper_page(manager_client, december)

    assert in_order(page, ["1. Recommendations", "2. Legal implications"])
    assert "Summary</h2>" not in page


def test_a_paper_without_a_covering_report_has_no_appendix_heading(manager_client, december):
    page = paper_page(manager_client, december)

    assert "Appendix" not in page
    assert "Business plan 2025/26: Progress report December 2025" in page


def test_the_pdf_reads_in_the_same_order(manager_client, covering, december, tmp_path):
    text = paper_pdf_text(manager_client, december, tmp_path)

    assert in_order(text, ORDER)


def test_the_word_file_reads_in_the_same_order(manager_client, covering, december):
    assert in_order(paper_word_text(manager_client, december), ORDER)


def test_the_word_file_has_real_headings_and_bullets(manager_client, covering, december):
    paper = build_paper(progress_round=december, author="Someone who clicked")
    document = Document(BytesIO(render_word(paper)))
    styles = {paragraph.text: paragraph.style.name for paragraph in document.paragraphs}
    appendix = next(paragraph for paragraph in document.paragraphs if paragraph.text.startswith("Appendix"))

    assert styles["Summary"] == "Heading 1"
    assert styles["1. Recommendations"] == "Heading 1"
    assert styles["2. Background"] == "Heading 1"
    assert styles["Section 11 audits done"] == "List Bullet"
    assert styles["Report from: Helen Ashcombe, Independent Chair"] == "Normal"
    assert appendix.style.name == "Heading 1"
    assert appendix.paragraph_format.page_break_before
    assert document.core_properties.author == "Alex Marlowe, Board Manager"
    assert document.core_properties.title == "Business plan 2025/26: progress report December 2025"


def test_a_publication_keeps_the_covering_report_as_it_was(board_manager, covering, december):
    published = publish_report(progress_round=december, published_by=board_manager)
    covering.summary = "Rewritten after publication."
    covering.save()

    frozen = from_snapshot(published.snapshot)

    assert frozen.covering.summary.startswith("Most actions are on track.")
    assert frozen.covering.meeting_on == date(2026, 2, 10)
    assert [section.heading for section in frozen.covering.sections] == ["Recommendations", "Background"]
    assert "Most actions are on track." in published.html
    assert "Rewritten after publication." not in published.html


def test_a_snapshot_stored_before_covering_reports_still_reads_and_renders(december):
    snapshot = to_snapshot(build_paper(progress_round=december, author=""))
    del snapshot["covering"]

    paper = from_snapshot(snapshot)

    assert paper.covering is None
    assert "Business plan" in render_standalone_html(paper)


def test_export_report_carries_the_covering_report(covering, december):
    stdout = StringIO()

    call_command(
        "export_report", "--plan", "2025/26", "--round", "2025-12-31", "--author", "X", stdout=stdout, stderr=StringIO()
    )

    assert in_order(stdout.getvalue(), ORDER)
    assert "<dd>Alex Marlowe, Board Manager</dd>" in stdout.getvalue()


@pytest.mark.parametrize("action_count", [2, 12])
def test_the_paper_with_a_covering_report_takes_the_same_queries_however_many_actions(
    covering, december, action_count, django_assert_num_queries
):
    objective = december.plan.objectives.get()
    for _ in range(action_count):
        ProgressUpdateFactory(action=ActionFactory(objective=objective), round=december)
    progress_round = report_round(december.plan_id, december.pk)

    # aims, objectives, actions, their lead agencies, updates, the previous publication, the open case reviews,
    # the CDOP years, the training section's chosen start, courses and recorded figures, the covering report and
    # its sections, the plan's indicators with their values (the plan's scale came with the round)
    # and five for the Assurance section: the previous round's date, the Section 11 cycle, the case
    # audits, and the register's case review and other recommendations (none, so nothing more of theirs)
    # and two for the budget section: the plan's partner contributions with their agencies, and its
    # spend lines (none here, so the section is left out)
    with django_assert_num_queries(21):
        paper = build_paper(progress_round=progress_round, author="")

    assert len(paper.rows) == action_count + 1
    assert paper.covering.title == covering.title


@pytest.mark.parametrize("action_count", [2, 12])
def test_the_report_page_with_a_covering_report_takes_the_same_queries_however_many_actions(
    manager_client, covering, december, action_count, django_assert_num_queries
):
    objective = december.plan.objectives.get()
    for _ in range(action_count):
        ProgressUpdateFactory(action=ActionFactory(objective=objective), round=december)

    # session, user, permissions (own and groups'), the round with its plan and scale, the scale's levels, aims,
    # objectives, actions, lead agencies, updates, the latest publication, the open case reviews, the CDOP years,
    # the training section's chosen start, courses and recorded figures, the covering report and its sections,
    # the plan's indicators with their values
    # and five for the Assurance section: the previous round's date, the Section 11 cycle, the case
    # audits, and the register's case review and other recommendations (none, so nothing more of theirs)
    # and two for the budget section: the plan's partner contributions with their agencies, and its
    # spend lines (none here, so the section is left out)
    with django_assert_num_queries(26):
        response = manager_client.get(december.get_absolute_url())

    assert response.content.decode().count('<td class="report-ref">') == action_count + 1
