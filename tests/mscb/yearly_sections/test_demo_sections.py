"""The four sections on the demo board: figures the owning apps' reads give, JSON-ready, drawn and written."""

import json

import pytest
from django.template.loader import render_to_string

from core.recommendations import entries_for
from mscb.yearly.sections import cdop, feedback, reviews, training
from objectives.models import BusinessPlan
from training import selectors
from training.models import Registration

from ..demo_loaded import MAIN_PLAN
from .word import written

pytestmark = pytest.mark.django_db
SECTIONS = [training.SECTION, reviews.SECTION, cdop.SECTION, feedback.SECTION]


@pytest.fixture
def plan(demo_output):
    return BusinessPlan.objects.get(title=MAIN_PLAN)


@pytest.mark.parametrize("section", SECTIONS, ids=lambda section: section.key)
def test_each_section_builds_json_ready_figures_that_draw_and_write(plan, section):
    figures = section.build(plan)

    html = render_to_string(section.template_name, {"figures": figures, "section": section, "narrative": ""})
    document = written(section, figures)

    assert json.loads(json.dumps(figures)) == figures
    assert "No figures for this section yet." not in html
    assert document.tables


def test_the_demo_feedback_is_three_items_in_our_words(plan):
    figures = feedback.SECTION.build(plan)

    assert [item["source"] for item in figures["items"]] == [
        "Youth council session",
        "Parents' survey after early help assessments",
        "Young people's consultation on online safety",
    ]
    assert figures["total"] == 3
    assert sum(count["count"] for count in figures["counts"]) == 3


def test_the_demo_training_is_the_uptake_selectors(plan):
    figures = training.SECTION.build(plan)

    period = selectors.Period(plan.starts_on, plan.ends_on)
    agencies = selectors.agency_uptake(period, Registration.objects.all())
    assert [(row["label"], row["attended"], row["staff_count"]) for row in figures["agencies"]] == [
        (row.label, row.attended, row.staff_count) for row in agencies
    ]
    assert figures["total"]["attended"] == selectors.overall_uptake(period, Registration.objects.all())[0].attended
    assert any(row["staff_count"] for row in figures["agencies"])


def test_the_demo_reviews_come_from_the_register(plan):
    figures = reviews.SECTION.build(plan)

    register = {(entry.source, entry.number): entry.decision_label for entry in entries_for(user=None)}
    shown = figures["recommendations"] + figures["other_recommendations"]
    assert shown
    assert all(register[(row["source"], row["number"])] == row["decision"] for row in shown)
    assert figures["reviews"]


def test_the_demo_cdop_year_and_its_actions_show(plan):
    figures = cdop.SECTION.build(plan)

    assert figures["years"]
    assert figures["actions"]
