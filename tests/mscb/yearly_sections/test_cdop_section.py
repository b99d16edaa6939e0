"""The yearly report's CDOP section: the panel's years overlapping the plan's year, as the committee paper shows a
year's figures, and the panel's actions in the plan with their latest progress."""

import json
from datetime import date

import pytest
from django.template.loader import render_to_string

from mscb.yearly.sections.cdop import SECTION
from objectives.models import ProgressUpdate
from reviews import services as review_services
from reviews.models import CdopCategory, CdopFigure
from reviews.paper.cdop import year_figures as paper_figures
from tests.factories import AgencyFactory, BusinessPlanFactory, ProgressRoundFactory, ProgressUpdateFactory
from tests.reviews.factories import CdopYearFactory

from .word import paragraphs, tables, written

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    return BusinessPlanFactory(title="The year under test")


@pytest.fixture
def world(plan):
    police = AgencyFactory(name="Fenbridge Police")
    before = CdopYearFactory(title="2024/25", ends_on=date(2025, 3, 31))
    year = CdopYearFactory(
        title="2025/26",
        ends_on=date(2026, 3, 31),
        deaths_reviewed=20,
        with_modifiable_factors=5,
        summary="Safer sleep remains the main message.",
    )
    CdopYearFactory(title="2026/27", ends_on=date(2027, 3, 31))
    category = CdopCategory.objects.create(name="Sudden unexpected death in infancy", position=1)
    CdopFigure.objects.create(year=year, category=category, deaths=4)
    action = review_services.add_cdop_action(year, plan=plan, text="Publish safer sleep advice", lead_agencies=[police])
    review_services.add_cdop_action(before, plan=BusinessPlanFactory(), text="Another plan's action", lead_agencies=[])
    december = ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31))
    ProgressUpdateFactory(
        action=action, round=december, rag="green", progress="Leaflets printed.", state=ProgressUpdate.State.ACCEPTED
    )
    return {"year": year}


def test_the_years_figures_are_the_papers_for_the_year_overlapping_the_plans(plan, world):
    figures = SECTION.build(plan)

    assert figures["years"] == [paper_figures(world["year"])]
    year = figures["years"][0]
    assert (year["deaths_reviewed"], year["with_modifiable_factors"], year["modifiable_share"]) == (20, 5, "25%")
    assert {"name": "Sudden unexpected death in infancy", "deaths": 4} in year["categories"]
    assert json.loads(json.dumps(figures)) == figures


def test_the_panels_actions_in_the_plan_show_with_their_latest_progress(plan, world):
    actions = SECTION.build(plan)["actions"]

    assert [(row["text"], row["lead_agencies"], row["status"], row["rating"], row["progress"]) for row in actions] == [
        ("Publish safer sleep advice", ["Fenbridge Police"], "Open", "Green", "Leaflets printed.")
    ]


def test_the_template_and_word_file_show_the_figures_and_actions(plan, world):
    figures = SECTION.build(plan)

    html = render_to_string(SECTION.template_name, {"figures": figures})
    document = written(SECTION, figures)

    assert "<h3>CDOP 2025/26 (year ending 31 March 2026)</h3>" in html
    assert "5 (25%)" in html
    assert "Leaflets printed." in html
    word_tables = tables(document)
    assert ["With modifiable factors", "5 (25%)"] in word_tables[0]
    assert ["Sudden unexpected death in infancy", "4"] in word_tables[1]
    assert word_tables[-1][1][2:6] == ["Publish safer sleep advice", "Fenbridge Police", "Open", "Green"]


def test_a_plan_with_no_round_lists_its_actions_without_progress(world):
    plan = BusinessPlanFactory(title="2025/26 second")
    review_services.add_cdop_action(world["year"], plan=plan, text="Audit safer sleep", lead_agencies=[])

    actions = SECTION.build(plan)["actions"]

    assert [(row["text"], row["status"], row["rating"]) for row in actions] == [("Audit safer sleep", "Open", "")]


def test_a_year_with_no_panel_year_says_so():
    plan = BusinessPlanFactory(starts_on=date(2040, 4, 1), ends_on=date(2041, 3, 31), title="Plan 2040/41")
    figures = SECTION.build(plan)

    assert figures["years"] == []
    message = "No child death overview panel year overlapping this year has been recorded."
    assert message in paragraphs(written(SECTION, figures))
    assert message in render_to_string(SECTION.template_name, {"figures": figures})


def test_without_an_overlapping_year_the_panels_latest_report_before_it_shows(world):
    plan = BusinessPlanFactory(starts_on=date(2027, 4, 1), ends_on=date(2028, 3, 31), title="Plan 2027/28")

    figures = SECTION.build(plan)
    html = render_to_string(SECTION.template_name, {"figures": figures})

    assert figures["latest_only"] is True
    assert [year["title"] for year in figures["years"]] == ["2026/27"]
    assert "its latest report, for 2026/27, follows." in html
    assert any(
        text.endswith("its latest report, for 2026/27, follows.") for text in paragraphs(written(SECTION, figures))
    )
