"""The committee paper's case reviews and CDOP sections: the page, the Word file, the PDF and publishing."""

import json
import os
import shutil
import subprocess
from datetime import date, datetime, timedelta
from http import HTTPStatus
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document

from objectives.models import Action, BusinessPlan, ProgressUpdate, PublishedReport
from objectives.paper.build import build_paper
from objectives.paper.files import FILE_FORMATS
from objectives.paper.snapshot import from_snapshot, to_snapshot
from objectives.services.publishing import publish_report
from reviews.models import CdopCategory, CdopFigure, Review
from reviews.paper import build as paper_builders
from reviews.paper import cdop as cdop_paper
from reviews.paper import word as paper_word
from reviews.services import add_cdop_action, add_recommendation_action
from tests.factories import (
    ActionFactory,
    AgencyFactory,
    AimFactory,
    BusinessPlanFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
)
from tests.reviews.factories import CdopYearFactory, RecommendationFactory, ReviewFactory
from tests.training.factories import TrainingSessionFactory

pytestmark = pytest.mark.django_db

Rag, State = ProgressUpdate.Rag, ProgressUpdate.State
DECEMBER_PROGRESS = "Multi-agency chronology training delivered to 40 practitioners."
DECEMBER_IMPACT = "Repeat referrals down from 24% to 17%."
MARCH_PROGRESS = "A progress text from the later March round."
JUNE_PROGRESS = "Escalation policy drafted with the police."
DRAFT_PROGRESS = "A draft nobody has submitted yet."
SUBMITTED_PROGRESS = "A submission awaiting the manager."
CDOP_PROGRESS = "Safe sleep campaign reached every maternity unit."


@pytest.fixture
def plan():
    return BusinessPlanFactory(title="2025/26", starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31))


@pytest.fixture
def june(plan):
    return ProgressRoundFactory(plan=plan, as_of=date(2025, 6, 30))


@pytest.fixture
def december(plan):
    return ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31))


@pytest.fixture
def march(plan):
    return ProgressRoundFactory(plan=plan, as_of=date(2026, 3, 31))


@pytest.fixture
def plan_action(plan):
    """An ordinary action of the objectives table."""
    objective = ObjectiveFactory(
        aim=AimFactory(plan=plan, number=1, title="Partners' work keeps children safe"), ref="1.1"
    )
    return ActionFactory(objective=objective, ref="1.1.1", text="Extend the quality assurance audits")


@pytest.fixture
def child_s():
    # Its report was due on 1 December 2025 and was not complete on the December round's as-of date: overdue then.
    return ReviewFactory(
        name="Child S",
        code="CS",
        kind=Review.Kind.PRACTICE_REVIEW,
        status=Review.Status.IN_PROGRESS,
        incident_notified_on=date(2025, 6, 2),
        panel_notified_on=date(2025, 6, 4),
        rapid_review_on=date(2025, 6, 19),
        due_on=date(2025, 12, 1),
    )


@pytest.fixture
def recommendation(child_s, lead_agency):
    return RecommendationFactory(
        review=child_s, number=1, text="Agencies share chronologies before strategy meetings.", agencies=[lead_agency]
    )


@pytest.fixture
def review_actions(plan, recommendation, lead_agency, other_agency, june, december, march):
    """CS-1.1 has December's progress (and March's, later); CS-1.2 June's, with a December draft;
    CS-1.3 only a December submission."""
    this_round = add_recommendation_action(
        recommendation,
        plan=plan,
        text="Train practitioners in multi-agency chronologies",
        lead_agencies=[lead_agency, other_agency],
        target_on=date(2026, 3, 31),
        target_is_month=True,
    )
    ProgressUpdateFactory(
        action=this_round, round=december, rag=Rag.AMBER, progress=DECEMBER_PROGRESS, impact=DECEMBER_IMPACT
    )
    ProgressUpdateFactory(action=this_round, round=march, rag=Rag.GREEN, progress=MARCH_PROGRESS)
    earlier = add_recommendation_action(
        recommendation, plan=plan, text="Agree an escalation policy", lead_agencies=[lead_agency]
    )
    ProgressUpdateFactory(action=earlier, round=june, rag=Rag.GREEN, progress=JUNE_PROGRESS)
    ProgressUpdateFactory(action=earlier, round=december, rag=Rag.RED, progress=DRAFT_PROGRESS, state=State.DRAFT)
    waiting = add_recommendation_action(
        recommendation, plan=plan, text="Audit strategy meeting minutes", lead_agencies=[other_agency]
    )
    ProgressUpdateFactory(
        action=waiting, round=december, rag=Rag.RED, progress=SUBMITTED_PROGRESS, state=State.SUBMITTED
    )
    return [this_round, earlier, waiting]


@pytest.fixture
def cdop_year():
    year = CdopYearFactory(
        title="2024/25",
        ends_on=date(2025, 3, 31),
        deaths_reviewed=30,
        with_modifiable_factors=9,
        summary="Unsafe sleeping remains the most common modifiable factor.",
    )
    # As the form saved a year's figures before they were optional: a number for every category, 0 included.
    for category in CdopCategory.objects.filter(is_active=True):
        CdopFigure.objects.create(year=year, category=category, deaths={1: 4, 2: 7}.get(category.position, 0))
    return year


@pytest.fixture
def cdop_action(plan, cdop_year, lead_agency, december):
    action = add_cdop_action(cdop_year, plan=plan, text="Run a safe sleep campaign", lead_agencies=[lead_agency])
    ProgressUpdateFactory(action=action, round=december, rag=Rag.GREEN, progress=CDOP_PROGRESS)
    return action


@pytest.fixture
def training_session():
    """A session in the plan's year, so the paper has its Training section too."""
    starts_at = timezone.make_aware(datetime(2025, 10, 1, 9, 30))
    return TrainingSessionFactory(starts_at=starts_at, ends_at=starts_at + timedelta(hours=3))


@pytest.fixture
def world(plan_action, review_actions, cdop_action, training_session):
    return review_actions


def _report(client, progress_round):
    response = client.get(reverse("objectives:report", args=[progress_round.plan_id, progress_round.pk]))
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def _squeezed(html: str) -> str:
    return " ".join(html.split())


def _section(paper, kind):
    return next(section for section in paper.sections if section.kind == kind)


def _review_data(progress_round, name="Child S"):
    section = paper_builders.build_case_reviews(plan=progress_round.plan, progress_round=progress_round)
    return next(review for review in section.data["reviews"] if review["name"] == name)


# The report page


def test_report_page_puts_both_sections_after_the_objectives_and_before_training(manager_client, december, world):
    html = _report(manager_client, december)

    positions = [
        html.index("Aim 1: Partners&#x27; work keeps children safe"),
        html.index('<h2 id="report-section-case-reviews">Child safeguarding practice reviews</h2>'),
        html.index('<h2 id="report-section-cdop">Child Death Overview Panel</h2>'),
        html.index('<h2 id="report-section-training">Training</h2>'),
    ]
    assert positions == sorted(positions)


def test_report_page_shows_this_rounds_progress_and_impact_of_a_recommendations_action(manager_client, december, world):
    html = _squeezed(_report(manager_client, december))

    assert "<caption>Child S: recommendations and actions</caption>" in html
    assert "Recommendation 1</p>" in html
    assert "Agencies share chronologies before strategy meetings." in html
    assert '<td class="report-ref">CS-1.1</td>' in html
    assert "Lead: Fenbridge Community Health, Fenbridge Police" in html
    assert "Target: March 2026" in html
    assert '<span class="rag rag-amber">Amber</span>' in html
    assert DECEMBER_PROGRESS in html
    assert DECEMBER_IMPACT in html


def test_report_page_leaves_out_later_rounds_drafts_and_submissions(manager_client, december, world):
    html = _report(manager_client, december)

    assert MARCH_PROGRESS not in html
    assert DRAFT_PROGRESS not in html
    assert SUBMITTED_PROGRESS not in html


def test_report_page_marks_progress_from_an_earlier_round_and_says_no_update(manager_client, december, world):
    html = _squeezed(_report(manager_client, december))

    assert (
        '<span class="rag rag-green">Green</span> <span class="report-earlier">From Progress report June 2025</span>'
        in html
    )
    assert JUNE_PROGRESS in html
    waiting_row = html[html.index('<td class="report-ref">CS-1.3</td>') :]
    assert waiting_row.index('<span class="rag rag-none">No update</span>') < waiting_row.index("</tr>")


def test_report_page_counts_the_reviews_action_plan_by_rag(manager_client, december, world):
    html = _squeezed(_report(manager_client, december))

    # Red, amber, green, complete, not started, no update: CS-1.1 amber, CS-1.2 green (June), CS-1.3 none.
    assert "".join(f"<td>{count}</td>" for count in [0, 1, 1, 0, 0, 1]) in html.replace("</td> <td>", "</td><td>")
    headers = ["Red", "Amber", "Green", "Complete", "Not started", "No update"]
    assert "".join(f'<th scope="col">{header}</th>' for header in headers) in html


def test_rag_counts_follow_the_round(december, march, world):
    # In March, CS-1.1 is green; CS-1.2 still June's green; CS-1.3 has nothing accepted.
    counts = {count["rag"]: count["count"] for count in _review_data(march)["rag_counts"]}

    assert counts == {"red": 0, "amber": 0, "green": 2, "complete": 0, "not_started": 0, "": 1}


def test_report_page_says_an_overdue_next_step_in_words(manager_client, december, world, child_s):
    due = child_s.due_on
    html = _squeezed(_report(manager_client, december))

    assert (
        f'Complete the review: <time datetime="{due.isoformat()}">{due.day} {due:%B %Y}</time> '
        '<strong class="report-overdue">Overdue</strong>'
    ) in html


def test_a_next_step_still_to_come_is_not_overdue(december, world):
    due = timezone.localdate() + timedelta(days=60)
    ReviewFactory(name="Child T", code="CT", due_on=due)

    review = _review_data(december, "Child T")

    assert review["next_step"] == {
        "label": "Complete the review",
        "due_on": due.isoformat(),
        "due": f"{due.day} {due:%B %Y}",
        "is_overdue": False,
    }
    assert paper_word.next_due_text(review) == f"Complete the review: {due.day} {due:%B %Y}"


def test_a_review_with_nothing_due_says_so(december, world):
    ReviewFactory(name="Child P", code="CP", status=Review.Status.PUBLISHED)

    review = _review_data(december, "Child P")

    assert review["next_step"] is None
    assert paper_word.next_due_text(review) == "Nothing due"


def test_report_page_shows_kind_and_status_of_each_open_review(manager_client, december, world):
    ReviewFactory(name="Child D", code="CD", kind=Review.Kind.DOMESTIC_HOMICIDE_REVIEW, status=Review.Status.NOTIFIED)

    html = _squeezed(_report(manager_client, december))

    assert '<th scope="row">Child S</th> <td>Child safeguarding practice review</td> <td>In progress</td>' in html
    assert '<th scope="row">Child D</th> <td>Domestic homicide review</td> <td>Notified</td>' in html
    assert "No recommendations yet." in html


def test_report_page_leaves_out_closed_reviews(manager_client, december, world):
    ReviewFactory(name="Child Z", code="CZ", status=Review.Status.CLOSED)

    html = _report(manager_client, december)

    assert "Child S" in html
    assert "Child Z" not in html


def test_section_is_left_out_when_every_review_is_closed(december, plan_action):
    ReviewFactory(name="Child Z", code="CZ", status=Review.Status.CLOSED)

    assert paper_builders.build_case_reviews(plan=december.plan, progress_round=december) is None
    assert "case_reviews" not in [section.kind for section in build_paper(progress_round=december, author="").sections]


def test_only_the_plans_own_live_actions_show(december, plan, recommendation, lead_agency):
    shown = add_recommendation_action(recommendation, plan=plan, text="Shown", lead_agencies=[lead_agency])
    withdrawn = add_recommendation_action(recommendation, plan=plan, text="Withdrawn one", lead_agencies=[])
    withdrawn.status = Action.Status.WITHDRAWN
    withdrawn.save()
    deleted = add_recommendation_action(recommendation, plan=plan, text="Deleted one", lead_agencies=[])
    deleted.is_deleted = True
    deleted.save()
    add_recommendation_action(recommendation, plan=BusinessPlanFactory(), text="Another plan's", lead_agencies=[])

    rows = _review_data(december)["recommendations"][0]["actions"]

    assert [(row["ref"], row["text"], row["status"]) for row in rows] == [
        (shown.ref, "Shown", ""),
        (withdrawn.ref, "Withdrawn one", "Withdrawn"),
    ]
    assert rows[1]["lead_agencies"] == []


def test_a_recommendation_without_actions_in_this_plan_says_so(manager_client, december, world, child_s):
    RecommendationFactory(review=child_s, number=2, text="Review the threshold document.")

    html = _squeezed(_report(manager_client, december))

    after = html[html.index("Review the threshold document.") :]
    assert after.index("No actions in this plan") < after.index("</tbody>")


def test_review_and_cdop_actions_stay_out_of_the_objectives_table(december, world, cdop_action):
    paper = build_paper(progress_round=december, author="")

    assert [row.ref for row in paper.rows] == ["1.1.1"]


def test_review_and_cdop_actions_show_once_on_the_page(manager_client, december, world, cdop_action):
    html = _report(manager_client, december)

    for ref in ["CS-1.1", "CS-1.2", "CS-1.3", cdop_action.ref]:
        assert html.count(f'<td class="report-ref">{ref}</td>') == 1


# CDOP


def test_report_page_shows_the_years_cdop_figures(manager_client, december, world):
    html = _squeezed(_report(manager_client, december))
    categories = list(CdopCategory.objects.filter(is_active=True).order_by("position", "name"))

    assert "<caption>Deaths reviewed in 2024/25 (year ending 31 March 2025)</caption>" in html
    assert '<th scope="row">Deaths reviewed</th> <td>30</td>' in html
    assert '<th scope="row">With modifiable factors</th> <td>9 (30%)</td>' in html
    assert "<caption>Deaths reviewed in 2024/25 by category</caption>" in html
    listed = html[html.index("by category</caption>") :]
    for category, deaths in zip(categories, [4, 7, 0], strict=False):
        assert f'<th scope="row">{category.name}</th> <td>{deaths}</td>' in listed
    assert listed.index(categories[0].name) < listed.index(categories[1].name) < listed.index(categories[2].name)
    assert "Unsafe sleeping remains the most common modifiable factor." in html


def test_every_active_category_is_listed_in_order_with_zero_where_none_died(december, cdop_year):
    retired = CdopCategory.objects.create(name="A retired category", position=99, is_active=False)
    retired_with_deaths = CdopCategory.objects.create(name="Retired with deaths", position=98, is_active=False)
    CdopFigure.objects.create(year=cdop_year, category=retired_with_deaths, deaths=1)
    active = list(CdopCategory.objects.filter(is_active=True).order_by("position", "name"))

    year = cdop_paper.build_cdop(plan=december.plan, progress_round=december).data["year"]

    assert [category["name"] for category in year["categories"]] == [
        *(category.name for category in active),
        "Retired with deaths",
    ]
    assert [category["deaths"] for category in year["categories"]][:3] == [4, 7, 0]
    assert retired.name not in [category["name"] for category in year["categories"]]


def test_figures_are_the_latest_year_over_by_the_rounds_as_of_date(december, march, cdop_year):
    CdopYearFactory(title="2025/26", ends_on=date(2026, 3, 31), deaths_reviewed=25, with_modifiable_factors=5)

    in_december = cdop_paper.build_cdop(plan=december.plan, progress_round=december).data["year"]
    in_march = cdop_paper.build_cdop(plan=march.plan, progress_round=march).data["year"]

    assert (in_december["title"], in_december["deaths_reviewed"]) == ("2024/25", 30)
    assert (in_march["title"], in_march["deaths_reviewed"], in_march["modifiable_share"]) == ("2025/26", 25, "20%")


def test_before_any_year_is_over_the_figures_are_the_latest_years(june):
    CdopYearFactory(title="2025/26", ends_on=date(2026, 3, 31))
    CdopYearFactory(title="2026/27", ends_on=date(2027, 3, 31))

    year = cdop_paper.build_cdop(plan=june.plan, progress_round=june).data["year"]

    assert year["title"] == "2026/27"


def test_a_year_with_no_deaths_reviewed_gives_no_share(december):
    CdopYearFactory(title="2024/25", ends_on=date(2025, 3, 31), deaths_reviewed=0, with_modifiable_factors=0)

    year = cdop_paper.build_cdop(plan=december.plan, progress_round=december).data["year"]

    assert (year["with_modifiable_factors"], year["modifiable_share"]) == (0, "")


def test_a_share_of_a_half_rounds_up(december):
    CdopYearFactory(title="2024/25", ends_on=date(2025, 3, 31), deaths_reviewed=8, with_modifiable_factors=1)

    year = cdop_paper.build_cdop(plan=december.plan, progress_round=december).data["year"]

    assert year["modifiable_share"] == "13%"


def test_report_page_shows_cdop_actions_with_this_rounds_progress(manager_client, december, world, cdop_action):
    html = _squeezed(_report(manager_client, december))
    cdop = html[html.index('id="report-section-cdop"') :]

    assert "<caption>Actions from the 2024/25 annual report</caption>" in cdop
    assert f'<td class="report-ref">{cdop_action.ref}</td>' in cdop
    assert "Run a safe sleep campaign" in cdop
    assert '<span class="rag rag-green">Green</span>' in cdop
    assert CDOP_PROGRESS in cdop
    assert "From the 2024/25 annual report</th>" not in cdop


def test_cdop_actions_from_several_years_are_grouped_by_year(manager_client, plan, december, cdop_action):
    earlier = CdopYearFactory(title="2023/24", ends_on=date(2024, 3, 31))
    add_cdop_action(earlier, plan=plan, text="Review the rapid response protocol", lead_agencies=[])

    section = cdop_paper.build_cdop(plan=plan, progress_round=december)
    html = _squeezed(_report(manager_client, december))

    assert [(group["title"], [row["ref"] for row in group["actions"]]) for group in section.data["action_groups"]] == [
        ("2024/25", [cdop_action.ref]),
        ("2023/24", ["CDOP24-1"]),
    ]
    assert "<caption>Actions from the panel's annual reports</caption>" in html
    assert html.index("From the 2024/25 annual report</th>") < html.index("From the 2023/24 annual report</th>")


def test_cdop_section_without_actions_shows_the_figures_and_says_so(manager_client, december, cdop_year):
    html = _report(manager_client, december)

    assert "<h3>Figures for 2024/25</h3>" in html
    assert "No actions from the panel's annual reports in this plan." in html


def test_cdop_section_is_left_out_without_a_year(december, plan_action):
    assert cdop_paper.build_cdop(plan=december.plan, progress_round=december) is None
    assert "cdop" not in [section.kind for section in build_paper(progress_round=december, author="").sections]


# Data fit for a snapshot


def test_section_data_is_plain_json(december, world, cdop_action):
    paper = build_paper(progress_round=december, author="")

    for kind in ("case_reviews", "cdop"):
        data = _section(paper, kind).data
        assert json.loads(json.dumps(data)) == data
    assert from_snapshot(to_snapshot(paper)).sections == paper.sections


# The Word file and the PDF


def test_word_file_has_both_sections_between_the_objectives_and_training(manager_client, december, world):
    response = manager_client.get(reverse("objectives:report_docx", args=[december.plan_id, december.pk]))

    document = Document(BytesIO(response.content))
    texts = [paragraph.text for paragraph in document.paragraphs]
    headings = [
        "Aim 1: Partners' work keeps children safe",
        "Child safeguarding practice reviews",
        "Child Death Overview Panel",
    ]
    positions = [texts.index(heading) for heading in [*headings, "Training"]]
    assert positions == sorted(positions)
    assert "Child S" in texts


def test_word_file_has_the_open_reviews_table_and_the_actions_progress(manager_client, december, world, child_s):
    response = manager_client.get(reverse("objectives:report_docx", args=[december.plan_id, december.pk]))

    tables = [
        [[cell.text for cell in row.cells] for row in table.rows]
        for table in Document(BytesIO(response.content)).tables
    ]
    # The counts' headings are the plan's rating key: RAG's five levels and "No update".
    header = [*paper_word.SUMMARY_HEADER, "Red", "Amber", "Green", "Complete", "Not started", "No update"]
    summary = next(table for table in tables if table[0] == header)
    due = child_s.due_on
    assert summary[1] == [
        "Child S",
        "Child safeguarding practice review",
        "In progress",
        f"Complete the review: {due.day} {due:%B %Y} (Overdue)",
        "0",
        "1",
        "1",
        "0",
        "0",
        "1",
    ]
    actions = next(
        table
        for table in tables
        if table[0] == ["Ref", "Action", "Progress report December 2025"] and table[2][0] == "CS-1.1"
    )
    assert actions[1][0].startswith("Recommendation 1\nAgencies share chronologies before strategy meetings.")
    assert actions[2][1].startswith("Train practitioners in multi-agency chronologies\nLead: ")
    assert actions[2][2] == f"Rating: Amber \n{DECEMBER_PROGRESS}\nEvidence of impact\n{DECEMBER_IMPACT}"
    assert actions[3][2] == f"Rating: Green   From Progress report June 2025\n{JUNE_PROGRESS}"
    assert actions[4][2] == "Rating: No update "
    document_text = response.content
    assert MARCH_PROGRESS.encode() not in document_text


def test_word_file_has_the_cdop_figures_and_actions(manager_client, december, world, cdop_action):
    response = manager_client.get(reverse("objectives:report_docx", args=[december.plan_id, december.pk]))

    document = Document(BytesIO(response.content))
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    figures = next(table for table in tables if table[0] == ["Figure", "Number"])
    assert figures[1:] == [["Deaths reviewed", "30"], ["With modifiable factors", "9 (30%)"]]
    by_category = next(table for table in tables if table[0] == ["Category", "Deaths"])
    active = CdopCategory.objects.filter(is_active=True).order_by("position", "name")
    assert by_category[1:] == [[category.name, str({1: 4, 2: 7}.get(category.position, 0))] for category in active]
    actions = next(table for table in tables if len(table) > 1 and table[1][0] == cdop_action.ref)
    assert actions[1][2] == f"Rating: Green \n{CDOP_PROGRESS}"
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert "Actions from the 2024/25 annual report" in texts
    assert "Unsafe sleeping remains the most common modifiable factor." in texts


def test_pdf_has_both_sections(manager_client, december, world, cdop_action, tmp_path):
    if not shutil.which("pdftotext"):
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("pdftotext (poppler-utils) is needed to read the PDF back")
        pytest.skip("pdftotext (poppler-utils) is needed to read the PDF back")
    response = manager_client.get(reverse("objectives:report_pdf", args=[december.plan_id, december.pk]))
    path = tmp_path / "paper.pdf"
    path.write_bytes(response.content)

    text = " ".join(
        subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split()
    )

    assert text.index("Child safeguarding practice reviews") < text.index("Child Death Overview Panel")
    assert text.index("Child Death Overview Panel") < text.index("Training")
    for words in [
        "Child safeguarding practice review",
        "Agencies share chronologies before strategy meetings.",
        DECEMBER_PROGRESS,
        DECEMBER_IMPACT,
        "From Progress report June 2025",
        "Overdue",
        "Deaths reviewed 30",
        "Deaths reviewed in 2024/25 by category",
        "With modifiable factors 9 (30%)",
        CDOP_PROGRESS,
    ]:
        assert words in text
    assert MARCH_PROGRESS not in text
    assert DRAFT_PROGRESS not in text


# Publishing


def test_publication_keeps_both_sections_and_renders_them_again_byte_for_byte(
    board_manager, december, world, cdop_action
):
    published = publish_report(progress_round=december, published_by=board_manager)
    published = PublishedReport.objects.get(pk=published.pk)

    paper = from_snapshot(published.snapshot)
    assert [section.kind for section in paper.sections] == ["case_reviews", "cdop", "assurance", "training"]
    assert DECEMBER_PROGRESS in published.html
    assert CDOP_PROGRESS in published.html
    assert FILE_FORMATS["html"].render(paper).decode() == published.html
    assert FILE_FORMATS["pdf"].render(paper) == bytes(published.pdf)
    assert FILE_FORMATS["docx"].render(paper) == bytes(published.docx)


def test_a_publication_does_not_change_when_the_reviews_do(board_manager, december, world, child_s, cdop_year):
    published = publish_report(progress_round=december, published_by=board_manager)
    before = PublishedReport.objects.get(pk=published.pk).html

    update = ProgressUpdate.objects.get(action=world[0], round=december)
    update.progress = "Rewritten after publication."
    update.save()
    child_s.status = Review.Status.CLOSED
    child_s.save()
    cdop_year.deaths_reviewed = 31
    cdop_year.save()

    after = PublishedReport.objects.get(pk=published.pk)
    assert after.html == before
    assert FILE_FORMATS["html"].render(from_snapshot(after.snapshot)).decode() == before
    assert "Rewritten after publication." not in before


# Queries


def with_scale(plan):
    """The plan as the report page has it: its rating scale read with it, so rating rows asks nothing more."""
    plan = BusinessPlan.objects.with_scale().get(pk=plan.pk)
    assert plan.scale
    return plan


def _many_reviews(plan, december, agencies, count):
    for number in range(count):
        review = ReviewFactory(name=f"Review {number}", code=f"R{number}", due_on=date(2026, 1, 31))
        for recommendation_number in range(1, count + 1):
            recommendation = RecommendationFactory(review=review, number=recommendation_number)
            for _ in range(count):
                action = add_recommendation_action(recommendation, plan=plan, text="An action", lead_agencies=agencies)
                ProgressUpdateFactory(action=action, round=december)


@pytest.mark.parametrize("count", [1, 3])
def test_case_reviews_section_takes_five_queries_however_many_reviews_and_actions(
    plan, june, december, count, django_assert_num_queries
):
    _many_reviews(plan, december, AgencyFactory.create_batch(2), count)

    plan = with_scale(plan)
    # open reviews, their recommendations, the plan's actions of them, their lead agencies, their updates
    with django_assert_num_queries(5):
        section = paper_builders.build_case_reviews(plan=plan, progress_round=december)

    assert sum(len(review["recommendations"]) for review in section.data["reviews"]) == count * count


def test_case_reviews_section_takes_one_query_without_open_reviews(plan, december, django_assert_num_queries):
    plan = with_scale(plan)
    # the open reviews (none, so nothing else is asked)
    with django_assert_num_queries(1):
        section = paper_builders.build_case_reviews(plan=plan, progress_round=december)

    assert section is None


@pytest.mark.parametrize("count", [1, 4])
def test_cdop_section_takes_five_queries_however_many_years_and_actions(
    plan, december, count, django_assert_num_queries
):
    agencies = AgencyFactory.create_batch(2)
    for number in range(count):
        year = CdopYearFactory(title=f"20{20 + number}/{21 + number}", ends_on=date(2021 + number, 3, 31))
        for _ in range(count):
            action = add_cdop_action(year, plan=plan, text="A CDOP action", lead_agencies=agencies)
            ProgressUpdateFactory(action=action, round=december)

    plan = with_scale(plan)
    # the years, the chosen year's categories with their deaths, the plan's CDOP actions, their lead agencies,
    # their updates
    with django_assert_num_queries(5):
        section = cdop_paper.build_cdop(plan=plan, progress_round=december)

    assert sum(len(group["actions"]) for group in section.data["action_groups"]) == count * count


def test_cdop_section_takes_one_query_without_a_year(plan, december, django_assert_num_queries):
    plan = with_scale(plan)
    # the years (none, so nothing else is asked)
    with django_assert_num_queries(1):
        section = cdop_paper.build_cdop(plan=plan, progress_round=december)

    assert section is None


@pytest.mark.parametrize("count", [1, 3])
def test_report_page_queries_do_not_grow_with_reviews_and_cdop_actions(
    manager_client, plan, december, plan_action, cdop_year, count, django_assert_num_queries
):
    agencies = AgencyFactory.create_batch(2)
    _many_reviews(plan, december, agencies, count)
    for _ in range(count):
        ProgressUpdateFactory(
            action=add_cdop_action(cdop_year, plan=plan, text="A CDOP action", lead_agencies=agencies), round=december
        )

    # session, user, the user's own and their groups' permissions, the round with its plan, then the objectives
    # table (aims, objectives, actions, their lead agencies, updates), the latest publication, five for the
    # case reviews, five for CDOP, and three for Training (the round's chosen start, the courses with a session in
    # the period, the recorded figures); the levels of the plan's rating scale, which comes with the round
    # and one for the round's covering report (none here), and one for the plan's indicators with their values
    # and seven for the Assurance section: the previous round's date, the Section 11 cycle, the case
    # audits, and the register's case review recommendations with their agencies and actions, and others'
    # and two for the budget section: the plan's partner contributions with their agencies, and its
    # spend lines (none here, so the section is left out)
    with django_assert_num_queries(35):
        html = _report(manager_client, december)

    assert html.count('<th scope="rowgroup" colspan="3">') == count * count
