"""The yearly report's case reviews section: the reviews active in the year, and the register's decisions and
actions on recommendations, exactly as core.recommendations.entries_for gives them."""

import json
from datetime import date

import pytest
from django.template.loader import render_to_string

from core.recommendations import entries_for
from mscb.yearly.sections.reviews import SECTION
from reviews import services as review_services
from reviews.models import Review
from tests.factories import (
    AgencyFactory,
    AssuranceRecommendationFactory,
    BusinessPlanFactory,
    RecommendationSourceFactory,
)
from tests.reviews.factories import RecommendationFactory, ReviewFactory

from .word import paragraphs, tables, written

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    return BusinessPlanFactory(title="The year under test")


@pytest.fixture
def world(plan):
    police = AgencyFactory(name="Fenbridge Police")
    child_s = ReviewFactory(name="Child S", decided_on=date(2025, 5, 2), status=Review.Status.IN_PROGRESS)
    closed_long_ago = ReviewFactory(
        name="Child T", decided_on=date(2020, 1, 6), closed_on=date(2022, 3, 1), status=Review.Status.CLOSED
    )
    accepted = RecommendationFactory(
        review=child_s,
        number=1,
        agencies=[police],
        decision="accepted",
        decided_on=date(2025, 9, 1),
        decided_by="The board",
    )
    RecommendationFactory(
        review=child_s,
        number=2,
        decision="not_accepted",
        decision_reasons="Already done by the national panel.",
        decided_on=date(2025, 9, 1),
    )
    review_services.add_recommendation_action(
        accepted, plan=plan, text="Train every GP practice", lead_agencies=[police]
    )
    RecommendationFactory(review=closed_long_ago, number=1, decision="accepted", decided_on=date(2020, 6, 1))
    this_year = RecommendationSourceFactory(title="Ofsted inspection 2025", reported_on=date(2025, 11, 3), plan=plan)
    AssuranceRecommendationFactory(source=this_year, number=1, text="Improve the front door.")
    old = RecommendationSourceFactory(title="Ofsted inspection 2019", reported_on=date(2019, 11, 3), plan=plan)
    AssuranceRecommendationFactory(source=old, number=1, text="An old finding.")
    return {"child_s": child_s}


def test_the_reviews_active_in_the_year_show_with_their_stage_and_dates(plan, world):
    figures = SECTION.build(plan)

    assert figures["reviews"] == [
        {
            "name": "Child S",
            "kind": "Child safeguarding practice review",
            "status": "In progress",
            "began": "2 May 2025",
            "completed": "",
            "published": "",
            "closed": "",
        }
    ]
    assert json.loads(json.dumps(figures)) == figures


def test_recommendations_are_the_registers_entries_for_those_reviews(plan, world):
    figures = SECTION.build(plan)

    register = [entry for entry in entries_for(user=None) if entry.source == "Child S"]
    assert [(row["source"], row["number"], row["decision"], row["status"]) for row in figures["recommendations"]] == [
        (entry.source, entry.number, entry.decision_label, entry.status.label) for entry in register
    ]
    first = figures["recommendations"][0]
    assert first["agencies"] == ["Fenbridge Police"]
    assert [(action["text"], action["status"]) for action in first["actions"]] == [("Train every GP practice", "Open")]


def test_decisions_not_accepted_in_full_are_listed_with_their_reasons(plan, world):
    not_accepted = SECTION.build(plan)["not_accepted"]

    assert [(row["number"], row["decision"], row["decision_reasons"]) for row in not_accepted] == [
        (2, "Not accepted", "Already done by the national panel.")
    ]


def test_other_sources_show_when_they_reported_in_the_year(plan, world):
    others = SECTION.build(plan)["other_recommendations"]

    assert [(row["source"], row["text"]) for row in others] == [("Ofsted inspection 2025", "Improve the front door.")]


def test_the_template_shows_reviews_decisions_and_reasons(plan, world):
    html = render_to_string(SECTION.template_name, {"figures": SECTION.build(plan)})

    assert "<caption>Case reviews open or active in the year</caption>" in html
    assert "Train every GP practice (Open)" in html
    assert "Already done by the national panel." in html
    assert "<h3>Other recommendations</h3>" in html


def test_the_word_file_has_the_tables(plan, world):
    reviews, recommendations, reasons, others = tables(written(SECTION, SECTION.build(plan)))

    assert reviews[1][:3] == ["Child S", "Child safeguarding practice review", "In progress"]
    assert recommendations[1][:2] == ["Case review: Child S", "1"]
    assert "Train every GP practice (Open)" in recommendations[1][6]
    assert reasons[1] == ["Child S", "2", "Not accepted", "Already done by the national panel."]
    assert others[1][2] == "Improve the front door."


def test_a_year_without_reviews_says_so():
    plan = BusinessPlanFactory(starts_on=date(2030, 4, 1), ends_on=date(2031, 3, 31), title="Plan 2030/31")
    figures = SECTION.build(plan)

    assert "No case review was open or active in the year." in paragraphs(written(SECTION, figures))
    assert "No case review was open or active in the year." in render_to_string(
        SECTION.template_name, {"figures": figures}
    )
