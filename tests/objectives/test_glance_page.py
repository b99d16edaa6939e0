"""At a glance in the paper (page, PDF, Word, publication) and as a printable page of its own."""

from datetime import date
from http import HTTPStatus
from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document
from docx.oxml.ns import qn

from objectives.models import PublishedReport
from objectives.services.publishing import publish_report
from tests.factories import (
    ActionFactory,
    AgencyFactory,
    AimFactory,
    BusinessPlanFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
    UserFactory,
)
from tests.objectives.paper_reading import in_order, paper_page, paper_pdf_text, paper_word, paper_word_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    return BusinessPlanFactory(title="2025/26")


@pytest.fixture
def june(plan):
    return ProgressRoundFactory(plan=plan, as_of=date(2025, 6, 30))


@pytest.fixture
def december(plan, june):
    """Action 1.1.1 rated Red this round, 1.1.2 Green, 1.1.3 left at June's Amber."""
    objective = ObjectiveFactory(aim=AimFactory(plan=plan, number="1", title="Keep children safe"), ref="1.1")
    december = ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31))
    for ref, rag in (("1.1.1", "red"), ("1.1.2", "green")):
        action = ActionFactory(objective=objective, ref=ref, text=f"Glance action {ref}")
        ProgressUpdateFactory(action=action, round=december, rag=rag)
    stale = ActionFactory(objective=objective, ref="1.1.3", text="Glance action 1.1.3")
    ProgressUpdateFactory(action=stale, round=june, rag="amber")
    return december


def _glance_url(progress_round):
    return reverse("objectives:report_glance", args=[progress_round.plan_id, progress_round.pk])


# In the paper: after the cover, before the plan table, in every format


def test_the_report_page_shows_the_glance_before_the_plan_table(manager_client, december):
    html = paper_page(manager_client, december)

    assert in_order(html, ['<h2 id="report-glance">At a glance</h2>', '<h2 id="report-aim-1">'])
    assert "<caption>Ratings by aim and objective</caption>" in html
    assert '<th scope="row">Obj 1.1: ' in html
    assert '<th scope="col">No update this round</th>' in html
    assert "<caption>Actions listed as exceptions</caption>" in html
    assert '<th scope="row" class="report-ref">1.1.1</th>' in html
    assert "<li>Rated Red</li>" in html
    assert "<li>No update this round (latest from Progress report June 2025)</li>" in html


def test_the_pdf_has_the_glance_after_the_cover_and_before_the_plan_table(manager_client, december, tmp_path):
    text = paper_pdf_text(manager_client, december, tmp_path)

    assert in_order(text, ["Progress as of", "At a glance", "Ratings by aim and objective", "Exceptions", "Obj 1.1 "])
    assert "Rated Red" in text
    assert "No update this round (latest from Progress report June 2025)" in text


def test_the_word_file_has_the_glance_as_headings_and_tables_with_a_repeated_header(manager_client, december):
    text = paper_word_text(manager_client, december)
    paragraphs, tables = paper_word(manager_client, december)

    assert in_order(text, ["At a glance", "Ratings by aim and objective", "Exceptions", "Obj 1.1 | "])
    counts, exceptions = tables[0], tables[1]
    assert counts[0][-1] == "No update this round"
    assert counts[-1] == ["Total", "3", "1", "1", "1", "0", "0", "0", "1"]
    assert exceptions[0] == ["Ref", "Action", "Responsibility or lead", "Why it is listed"]
    assert exceptions[1] == ["1.1.1", "Glance action 1.1.1", "None named", "Rated Red"]


def test_the_word_glance_headings_are_real_and_its_header_rows_repeat(manager_client, december):
    response = manager_client.get(reverse("objectives:report_docx", args=[december.plan_id, december.pk]))
    document = Document(BytesIO(response.content))

    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == [
        ("Heading 1", "At a glance"),
        ("Heading 2", "Exceptions"),
        ("Heading 1", "Aim 1: Keep children safe"),
    ]
    for table in document.tables[:2]:
        assert table.rows[0]._tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None


def test_a_publication_freezes_the_glance_with_its_paper(manager_client, board_manager, december):
    publish_report(progress_round=december, published_by=board_manager)
    ProgressUpdateFactory(action=december.plan.actions.get(ref="1.1.3"), round=december, rag="green")

    published = PublishedReport.objects.get()
    response = manager_client.get(reverse("objectives:published_detail", args=[published.pk]))

    assert "<li>No update this round (latest from Progress report June 2025)</li>" in response.content.decode()


# The page of its own


def test_the_glance_page_shows_the_glance_under_a_cover_with_a_print_button(reader_client, december):
    response = reader_client.get(_glance_url(december))

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert '<h1 class="report-title">Business plan 2025/26: Progress report December 2025</h1>' in html
    assert '<h2 id="report-glance">At a glance</h2>' in html
    assert "<li>Rated Red</li>" in html
    assert "data-report-print" in html
    # The glance alone: the plan table is on the report page.
    assert "report-aim-1" not in html


def test_the_report_and_round_pages_link_to_the_glance_page(manager_client, december):
    report = manager_client.get(reverse("objectives:report", args=[december.plan_id, december.pk]))
    round_page = manager_client.get(reverse("objectives:round_detail", args=[december.pk]))

    for response in (report, round_page):
        assert f'href="{_glance_url(december)}"' in response.content.decode()


def test_the_glance_page_is_not_found_for_a_round_of_another_plan(reader_client, december):
    other_plan = BusinessPlanFactory()

    response = reader_client.get(reverse("objectives:report_glance", args=[other_plan.pk, december.pk]))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_the_glance_page_is_forbidden_without_a_role(client, december):
    client.force_login(UserFactory(username="no.role"))

    response = client.get(_glance_url(december))

    assert response.status_code == HTTPStatus.FORBIDDEN


@pytest.mark.parametrize("action_count", [3, 30])
def test_the_glance_page_costs_what_the_report_page_does_however_many_actions(
    manager_client, plan, june, action_count, django_assert_num_queries
):
    december = ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31))
    agencies = AgencyFactory.create_batch(2)
    objectives = [ObjectiveFactory(aim=AimFactory(plan=plan, number=str(number))) for number in (1, 2)]
    for index in range(action_count):
        action = ActionFactory(objective=objectives[index % 2], lead_agencies=agencies, target_on=date(2025, 9, 30))
        ProgressUpdateFactory(action=action, round=june if index % 2 else december, rag="red")

    # session, user, the user's own and their groups' permissions, the round with its plan and scale, the scale's
    # levels, aims, objectives, actions, their lead agencies, the updates, the latest publication, the open case
    # reviews, the CDOP years, the training section's three (the round's chosen start, the courses, the recorded
    # figures), the round's covering report and the plan's indicators with their values: the report page's own
    # build, and not a query more
    # and five for the Assurance section: the previous round's date, the Section 11 cycle, the case
    # audits, and the register's case review and other recommendations (none, so nothing more of theirs)
    # and two for the budget section: the plan's partner contributions with their agencies, and its
    # spend lines (none here, so the section is left out)
    with django_assert_num_queries(25):
        glance = manager_client.get(_glance_url(december))
    # and five for the Assurance section: the previous round's date, the Section 11 cycle, the case
    # audits, and the register's case review and other recommendations (none, so nothing more of theirs)
    # and two for the budget section: the plan's partner contributions with their agencies, and its
    # spend lines (none here, so the section is left out)
    with django_assert_num_queries(25):
        report = manager_client.get(reverse("objectives:report", args=[plan.pk, december.pk]))

    assert glance.status_code == report.status_code == HTTPStatus.OK
    assert glance.content.decode().count('class="report-ref"') == action_count
