"""The committee paper's case reviews as they stood on the round's as-of date, not on the day it is printed."""

from datetime import date

import pytest

from objectives.models import BusinessPlan
from objectives.paper.build import build_paper
from objectives.paper.files import FILE_FORMATS
from objectives.paper.snapshot import from_snapshot, to_snapshot
from reviews.models import Review
from reviews.paper import build as paper_builders
from reviews.services import add_recommendation_action
from tests.factories import AgencyFactory, BusinessPlanFactory, ProgressRoundFactory, ProgressUpdateFactory
from tests.objectives.paper_reading import paper_page, paper_pdf_text, paper_word_text
from tests.reviews.factories import RecommendationFactory, ReviewFactory

pytestmark = pytest.mark.django_db

SCR, Status = Review.Kind.SERIOUS_CASE_REVIEW, Review.Status
CHILD_A_ABOUT = "A baby was seriously injured at home. Health visitors and the police each knew part of the story."


@pytest.fixture
def plan():
    return BusinessPlanFactory(title="2012/13", starts_on=date(2012, 4, 1), ends_on=date(2013, 3, 31))


@pytest.fixture
def december(plan):
    return ProgressRoundFactory(plan=plan, as_of=date(2012, 12, 31), deadline=date(2012, 12, 14))


@pytest.fixture
def child_a():
    """Due six months after the decision (28 November 2012) and completed, late, on 25 January 2013."""
    return ReviewFactory(
        name="Child A",
        code="CA",
        kind=SCR,
        status=Status.PUBLISHED,
        summary=CHILD_A_ABOUT,
        incident_notified_on=date(2012, 5, 14),
        decided_on=date(2012, 5, 28),
        commissioned_on=date(2012, 6, 18),
        completed_on=date(2013, 1, 25),
        published_on=date(2013, 6, 10),
    )


def _reviews(progress_round) -> dict[str, dict]:
    section = paper_builders.build_case_reviews(plan=progress_round.plan, progress_round=progress_round)
    return {review["name"]: review for review in section.data["reviews"]} if section else {}


def test_a_review_completed_after_the_as_of_date_is_still_under_way_in_that_paper(december, child_a):
    review = _reviews(december)["Child A"]

    assert review["status"] == "Commissioned"
    assert review["next_step"]["label"] == "Complete the review"


def test_a_review_notified_after_the_as_of_date_is_left_out(december, child_a):
    ReviewFactory(name="Child N", code="CN", status=Status.NOTIFIED, incident_notified_on=date(2013, 2, 4))

    assert list(_reviews(december)) == ["Child A"]


def test_overdue_is_judged_on_the_as_of_date(plan, december, child_a):
    ReviewFactory(name="Child B", code="CB", kind=SCR, status=Status.COMPLETED, decided_on=date(2012, 10, 1))
    Review.objects.filter(name="Child B").update(completed_on=date(2013, 5, 20))
    april = ProgressRoundFactory(plan=plan, as_of=date(2013, 4, 30), deadline=date(2013, 4, 12))

    in_december, in_april = _reviews(december), _reviews(april)

    assert in_december["Child A"]["next_step"]["is_overdue"]
    assert in_december["Child B"]["next_step"] == {
        "label": "Complete the review",
        "due_on": "2013-04-01",
        "due": "1 April 2013",
        "is_overdue": False,
    }
    assert in_april["Child B"]["next_step"]["is_overdue"]
    assert in_april["Child A"]["status"] == "Completed"
    assert in_april["Child A"]["next_step"] is None


def test_a_review_closed_by_the_as_of_date_is_left_out_and_one_closed_later_shows(december):
    ReviewFactory(
        name="Child Z", code="CZ", status=Status.CLOSED, decided_on=date(2011, 3, 7), closed_on=date(2012, 11, 30)
    )
    ReviewFactory(
        name="Child Y",
        code="CY",
        kind=SCR,
        status=Status.CLOSED,
        decided_on=date(2011, 9, 5),
        completed_on=date(2012, 3, 1),
        published_on=date(2012, 7, 2),
        closed_on=date(2013, 3, 1),
    )

    reviews = _reviews(december)

    assert list(reviews) == ["Child Y"]
    assert (reviews["Child Y"]["status"], reviews["Child Y"]["next_step"]) == ("Published", None)


def test_our_part_in_another_areas_review_ends_when_it_is_published(december):
    ReviewFactory(
        name="Child O", code="CO", kind=Review.Kind.OTHER_AREA, status=Status.PUBLISHED, published_on=date(2012, 9, 3)
    )
    ReviewFactory(
        name="Child Q",
        code="CQ",
        kind=Review.Kind.OTHER_AREA,
        status=Status.PUBLISHED,
        decided_on=date(2012, 5, 1),
        published_on=date(2013, 2, 4),
    )

    assert list(_reviews(december)) == ["Child Q"]


def test_reviews_are_called_by_the_guidance_they_began_under(december, child_a):
    ReviewFactory(name="Child C", code="CC", kind=Review.Kind.PRACTICE_REVIEW, decided_on=date(2012, 7, 2))

    section = paper_builders.build_case_reviews(plan=december.plan, progress_round=december)

    assert section.title == "Serious case reviews"
    assert [review["kind"] for review in section.data["reviews"]] == ["Serious case review", "Serious case review"]


def test_the_section_is_left_out_when_no_review_was_open_on_the_as_of_date(december, django_assert_num_queries):
    ReviewFactory(name="Child N", code="CN", incident_notified_on=date(2013, 2, 4))
    ReviewFactory(
        name="Child Z", code="CZ", status=Status.CLOSED, decided_on=date(2011, 3, 7), closed_on=date(2012, 11, 30)
    )

    # every review (none open then, so nothing else is asked)
    with django_assert_num_queries(1):
        section = paper_builders.build_case_reviews(plan=december.plan, progress_round=december)

    assert section is None


# What each review is about, on the page, in the PDF and in the Word file


def test_the_page_says_what_each_review_is_about(manager_client, december, child_a):
    page = " ".join(paper_page(manager_client, december).split())

    assert '<h2 id="report-section-case-reviews">Serious case reviews</h2>' in page
    assert '<th scope="row">Child A</th> <td>Serious case review</td> <td>Commissioned</td>' in page
    assert page.index('<h3 id="report-review-1">Child A</h3>') < page.index(CHILD_A_ABOUT)


def test_the_pdf_says_what_each_review_is_about(manager_client, december, child_a, tmp_path):
    text = paper_pdf_text(manager_client, december, tmp_path)

    assert "Serious case reviews" in text
    assert CHILD_A_ABOUT in text


def test_the_word_file_says_what_each_review_is_about(manager_client, december, child_a):
    lines = paper_word_text(manager_client, december).splitlines()

    assert "Serious case reviews" in lines
    assert lines[lines.index("Child A", lines.index("Serious case reviews") + 3) + 1] == CHILD_A_ABOUT


# Papers published before the section printed summaries


def test_a_section_stored_without_summaries_still_renders(december, child_a):
    snapshot = to_snapshot(build_paper(progress_round=december, author=""))
    (stored,) = [section for section in snapshot["sections"] if section["kind"] == "case_reviews"]
    for review in stored["data"]["reviews"]:
        del review["summary"]
    paper = from_snapshot(snapshot)

    html = FILE_FORMATS["html"].render(paper).decode()
    docx = FILE_FORMATS["docx"].render(paper)

    assert '<h3 id="report-review-1">Child A</h3>' in html
    assert CHILD_A_ABOUT not in html
    assert docx.startswith(b"PK")


# Queries


@pytest.mark.parametrize("count", [1, 3])
def test_the_section_takes_five_queries_however_many_reviews_open_closed_or_to_come(
    plan, december, count, django_assert_num_queries
):
    agencies = AgencyFactory.create_batch(2)
    for number in range(count):
        ReviewFactory(name=f"Later {number}", code=f"L{number}", incident_notified_on=date(2013, 2, 4))
        ReviewFactory(
            name=f"Closed {number}", code=f"Z{number}", decided_on=date(2011, 3, 7), closed_on=date(2012, 5, 1)
        )
        review = ReviewFactory(name=f"Open {number}", code=f"O{number}", kind=SCR, decided_on=date(2012, 6, 4))
        for recommendation_number in range(1, count + 1):
            recommendation = RecommendationFactory(review=review, number=recommendation_number)
            for _ in range(count):
                action = add_recommendation_action(recommendation, plan=plan, text="An action", lead_agencies=agencies)
                ProgressUpdateFactory(action=action, round=december)
    plan = BusinessPlan.objects.with_scale().get(pk=plan.pk)

    # every review, the open ones' recommendations, the plan's actions of them, their lead agencies, their updates
    with django_assert_num_queries(5):
        section = paper_builders.build_case_reviews(plan=plan, progress_round=december)

    assert [review["name"] for review in section.data["reviews"]] == [f"Open {number}" for number in range(count)]
    assert (
        sum(
            len(recommendation["actions"])
            for review in section.data["reviews"]
            for recommendation in review["recommendations"]
        )
        == count**3
    )


def test_the_recorded_status_stands_while_no_later_dated_step_says_otherwise(december):
    ReviewFactory(
        name="Child D",
        code="CD",
        kind=SCR,
        status=Status.DRAFT_REPORT,
        decided_on=date(2012, 6, 4),
        commissioned_on=date(2012, 6, 18),
        closed_on=date(2013, 9, 2),
    )

    assert _reviews(december)["Child D"]["status"] == "Draft report"
