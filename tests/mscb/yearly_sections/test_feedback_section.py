"""The yearly report's feedback section: every item of the plan's, and how many per round and for the year."""

import json
from datetime import date

import pytest
from django.template.loader import render_to_string

from mscb.models.yearly import FamilyFeedback
from mscb.yearly.sections.feedback import SECTION
from tests.factories import BusinessPlanFactory, ProgressRoundFactory

from .word import paragraphs, tables, written

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    plan = BusinessPlanFactory(title="The year under test")
    september = ProgressRoundFactory(plan=plan, as_of=date(2025, 9, 30))
    ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31))
    items = [
        (september, date(2025, 9, 18), "Youth council session", "Posters were for younger children.", "Rewritten."),
        (september, date(2025, 9, 25), "Parents' survey", "Letters were hard to read.", ""),
        (None, date(2026, 2, 12), "Online safety consultation", "Lessons came too late.", "Lessons moved earlier."),
    ]
    for progress_round, received_on, source, summary, response in items:
        FamilyFeedback.objects.create(
            plan=plan, round=progress_round, received_on=received_on, source=source, summary=summary, response=response
        )
    FamilyFeedback.objects.create(
        plan=BusinessPlanFactory(), received_on=date(2025, 5, 1), source="Another plan's", summary="Not this year."
    )
    return plan


def test_the_section_lists_the_plans_items_and_counts_them_per_round(plan, django_assert_num_queries):
    with django_assert_num_queries(2):
        figures = SECTION.build(plan)

    assert [item["source"] for item in figures["items"]] == [
        "Youth council session",
        "Parents' survey",
        "Online safety consultation",
    ]
    assert figures["items"][0]["received"] == "18 September 2025"
    assert figures["counts"] == [
        {"label": "Progress report September 2025", "count": 2},
        {"label": "Progress report December 2025", "count": 0},
        {"label": "The year as a whole", "count": 1},
    ]
    assert figures["total"] == 3
    assert json.loads(json.dumps(figures)) == figures


def test_the_template_shows_the_items_and_counts(plan):
    figures = SECTION.build(plan)

    html = render_to_string(SECTION.template_name, {"figures": figures, "section": SECTION, "narrative": ""})

    assert "Youth council session" in html
    assert "Lessons moved earlier." in html
    assert "Nothing recorded yet" in html
    assert "<h3>What children and families told us</h3>" in html
    assert '<th scope="row">The year</th><td>3</td>' in html


def test_the_word_file_has_the_counts_and_the_items(plan):
    document = written(SECTION, SECTION.build(plan))

    counts, items = tables(document)
    assert counts[1:] == [
        ["Progress report September 2025", "2"],
        ["Progress report December 2025", "0"],
        ["The year as a whole", "1"],
        ["The year", "3"],
    ]
    assert items[0] == ["Received", "How it was gathered", "What they told us", "What we did about it"]
    assert items[2] == ["25 September 2025", "Parents' survey", "Letters were hard to read.", "Nothing recorded yet"]


def test_a_year_without_feedback_says_so():
    plan = BusinessPlanFactory()
    figures = SECTION.build(plan)

    html = render_to_string(SECTION.template_name, {"figures": figures})
    document = written(SECTION, figures)

    assert figures["total"] == 0
    assert "No feedback from children and families was recorded for the year." in html
    assert "No feedback from children and families was recorded for the year." in paragraphs(document)
    assert not document.tables
