"""Reading a Word plan that is a numbered list of recommendations, as a scrutiny review's is.

Most tests check the rows the Word reader gives the checker; the last ones import the whole plan.
"""

from datetime import date

import pytest

from core.models import RatingScale
from objectives.models import BusinessPlan, PlanShape
from tests.factories import BusinessPlanFactory
from tests.objectives.import_files import import_errors, run_import
from tests.objectives.word_plans import (
    header_of,
    priorities_plan,
    read_word_rows,
    recommendations_plan,
)

pytestmark = pytest.mark.django_db


def test_a_list_plan_has_no_aim_or_objective_columns():
    assert header_of(recommendations_plan(), PlanShape.LIST) == (
        "action",
        "action_text",
        "lead_agency",
        "responsibility",
        "lead_officer",
        "target_date",
        "success_measure",
        "progress_date",
        "progress",
        "impact",
        "rating",
    )


def test_each_recommendation_is_a_row_with_its_number_as_typed():
    rows = read_word_rows(recommendations_plan(), PlanShape.LIST)

    assert [(row["action"], row["action_text"]) for row in rows] == [
        ("1", "Publish the board's annual report on time"),
        ("2", "Agree a protocol with the new partnership"),
        ("3", "Audit the training offer"),
    ]


def test_responsibility_timescale_progress_and_assessment_are_read():
    second = read_word_rows(recommendations_plan(), PlanShape.LIST)[1]

    assert second == second | {
        "responsibility": "Chair",
        "lead_agency": "",
        "target_date": "To be confirmed in Children and Social Work Act",
        "progress_date": "Dec 2025",
        "progress": "Draft agreed by the executive.",
        "rating": "2 On track but not yet due for completion",
    }


def test_an_empty_assessment_leaves_the_rating_blank():
    word_plan = recommendations_plan(("1", "Publish the report", "Chair", "March 2026", "Not yet begun.", ""))

    (row,) = read_word_rows(word_plan, PlanShape.LIST)

    assert (row["progress"], row["rating"]) == ("Not yet begun.", "")


@pytest.mark.parametrize(
    ("header", "first_cell"),
    [
        (("", "Recommendation", "Responsibility"), "1"),
        (("Recommendation", "Action", "Responsibility"), "Recommendation 1"),
        (("Ref", "Action", "Responsibility"), "R1"),
    ],
    ids=["first heading blank", "recommendation then action", "ref heading"],
)
def test_the_first_column_numbers_the_recommendations(header, first_cell):
    word_plan = recommendations_plan((first_cell, "Publish the report", "Chair / DCS"), header=header)

    (row,) = read_word_rows(word_plan, PlanShape.LIST)

    assert (row["action"], row["action_text"], row["responsibility"]) == (
        first_cell.removeprefix("Recommendation "),
        "Publish the report",
        "Chair / DCS",
    )


def test_headings_are_matched_ignoring_case_and_by_their_synonyms():
    header = ("NO", "ACTION", "RESPONSIBLE", "TARGET DATE", "Progress update December 2025", "RAG rating")
    word_plan = recommendations_plan(("1", "Publish", "Chair", "March 2026", "Done", "Green"), header=header)

    (row,) = read_word_rows(word_plan, PlanShape.LIST)

    assert (row["responsibility"], row["target_date"], row["progress_date"], row["rating"]) == (
        "Chair",
        "March 2026",
        "December 2025",
        "Green",
    )


def test_a_document_with_priority_headings_is_not_read_as_a_list(tmp_path):
    BusinessPlanFactory(title="2025/26", shape=PlanShape.LIST)

    errors = import_errors(priorities_plan().save(tmp_path / "plan.docx"))

    assert errors == (
        "plan.docx has headings such as “Priority 1a Early Help and Prevention”, but this plan is a numbered list "
        "with nothing above its recommendations: import it into a plan of two levels (priorities and actions), "
        "or take the headings out. The import looks for a table with a header row such as No | Recommendation | "
        "Responsibility | Timescale | Progress | Assessment and a numbered row per recommendation."
    )


def test_a_list_document_into_a_plan_of_aims_and_objectives_says_what_was_expected(tmp_path):
    errors = import_errors(recommendations_plan().save(tmp_path / "plan.docx"))

    assert errors.startswith(
        "plan.docx has no objective rows such as “Obj 1.1 …”, which a plan of aims, objectives and actions needs. "
        "The import looks for “Aim 1: …” paragraphs"
    )


def test_a_list_plan_imports_with_the_four_point_scale(tmp_path):
    four_point = RatingScale.objects.get(name="four-point")
    BusinessPlanFactory(title="2025/26", shape=PlanShape.LIST, rating_scale=four_point)

    run_import(recommendations_plan().save(tmp_path / "plan.docx"))

    plan = BusinessPlan.objects.get(title="2025/26")
    actions = plan.actions.in_ref_order()
    assert list(actions.values_list("ref", "responsibility", "timescale", "target_on")) == [
        ("1", "Chair / DCS", "", date(2026, 3, 31)),
        ("2", "Chair", "To be confirmed in Children and Social Work Act", None),
        ("3", "Training Sub-Group", "", date(2025, 12, 31)),
    ]
    assert list(actions.values_list("progress_updates__rag", flat=True)) == ["1", "2", "3"]
    assert not plan.actions.filter(lead_agencies__isnull=False).exists()


def test_a_number_column_numbered_by_word_gives_each_row_its_number():
    word_plan = recommendations_plan(
        ("", "Publish the report", "Chair", "March 2026", "Done", "1"),
        ("", "Agree a protocol", "Chair", "March 2026", "Drafted", "2"),
        ("", "Audit the training offer", "Chair", "March 2026", "Delayed", "3"),
    )
    for row in word_plan.document.tables[0].rows[1:]:
        # Word's automatic numbering: the cell shows "1." but holds no text.
        row.cells[0].paragraphs[0].style = "List Number"

    rows = read_word_rows(word_plan, PlanShape.LIST)

    assert [(row["action"], row["action_text"]) for row in rows] == [
        ("1", "Publish the report"),
        ("2", "Agree a protocol"),
        ("3", "Audit the training offer"),
    ]
