"""Reading a Word plan of priorities (or themes) and numbered actions: a plan of two levels.

Most tests check the rows the Word reader gives the checker; the last ones import the whole plan.
"""

from datetime import date

import pytest

from objectives.models import Aim, BusinessPlan, PlanShape
from tests.factories import BusinessPlanFactory
from tests.objectives.import_files import WordPlan, committee_plan, import_errors, run_import
from tests.objectives.word_plans import TWO_LEVEL_HEADER, header_of, priorities_plan, read_word_rows

pytestmark = pytest.mark.django_db

ACTION_ROW = ("1", "Run the training", "Chair", "March 2026", "Staff trained", "")


def test_a_two_level_plan_has_aim_columns_but_no_objective_columns():
    assert header_of(priorities_plan(), PlanShape.TWO_LEVEL) == (
        "aim",
        "aim_title",
        "strategic_lead",
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


def test_each_priority_numbers_its_actions_from_one():
    rows = read_word_rows(priorities_plan(), PlanShape.TWO_LEVEL)

    assert [(row["aim"], row["aim_title"], row["action"], row["action_text"]) for row in rows] == [
        ("1a", "Early Help and Prevention", "1", "Run the early help training programme"),
        ("1a", "Early Help and Prevention", "2", "Review the early help assessment"),
        ("1b", "Neglect", "1", "Launch the neglect toolkit"),
    ]


def test_lead_timescale_and_measure_are_read_and_an_empty_rag_stays_blank():
    first = read_word_rows(priorities_plan(), PlanShape.TWO_LEVEL)[0]

    assert first == first | {
        "strategic_lead": "Head of Early Help",
        "responsibility": "Training Sub Group",
        "lead_agency": "",
        "target_date": "Training programme to run across financial year 2025/26",
        "success_measure": "Number of staff trained",
        "progress_date": "",
        "progress": "",
        "rating": "",
    }


@pytest.mark.parametrize(
    ("heading", "ref", "title"),
    [
        ("Priority 1a: Early Help and Prevention", "1a", "Early Help and Prevention"),
        ("PRIORITY 2 Early Help", "2", "Early Help"),
        ("Theme 2 – Neglect", "2", "Neglect"),
        ("Strategic priority 3. Exploitation", "3", "Exploitation"),
    ],
)
def test_priority_and_theme_headings_give_the_ref_and_title(heading, ref, title):
    rows = read_word_rows(priorities_plan(heading=heading), PlanShape.TWO_LEVEL)

    assert (rows[0]["aim"], rows[0]["aim_title"]) == (ref, title)


def test_a_priority_and_its_strategic_lead_may_be_rows_of_the_table():
    word_plan = WordPlan().table(ACTION_ROW, objective=("Priority 2", "Neglect"), header=TWO_LEVEL_HEADER)
    table = word_plan.document.tables[0]
    lead_row = table.add_row()
    lead_row.cells[0].text = "Strategic lead"
    lead_row.cells[1].merge(lead_row.cells[-1]).text = "Designated Nurse"
    table.rows[0]._tr.addnext(lead_row._tr)

    (row,) = read_word_rows(word_plan, PlanShape.TWO_LEVEL)

    assert (row["aim"], row["aim_title"], row["strategic_lead"], row["action"]) == (
        "2",
        "Neglect",
        "Designated Nurse",
        "1",
    )


def test_a_progress_column_and_a_rag_column_give_the_round_and_rating():
    header = ("No", "Action", "Responsibility", "Progress update December 2025", "RAG")
    word_plan = WordPlan().paragraph("Priority 1: Safe").table(("1", "Audit", "Police", "Done", "Green"), header=header)

    (row,) = read_word_rows(word_plan, PlanShape.TWO_LEVEL)

    assert (row["progress_date"], row["progress"], row["rating"]) == ("December 2025", "Done", "Green")


def test_a_document_without_priority_headings_says_what_was_expected(tmp_path):
    BusinessPlanFactory(title="2025/26", shape=PlanShape.TWO_LEVEL)
    word_plan = WordPlan().table(ACTION_ROW, header=TWO_LEVEL_HEADER)

    errors = import_errors(word_plan.save(tmp_path / "plan.docx"))

    assert errors == (
        "plan.docx has no priority or theme headings, which a plan of two levels (priorities and actions) needs. "
        "The import looks for headings such as “Priority 1a: Early help” or “Theme 2 – Neglect” (a paragraph or a "
        "table row), each followed by a table with a header row such as No | Action | Lead | Timescale | "
        "Progress | RAG and a numbered row per action."
    )


def test_a_document_with_objective_rows_is_not_read_as_two_levels(tmp_path):
    BusinessPlanFactory(title="2025/26", shape=PlanShape.TWO_LEVEL)

    errors = import_errors(committee_plan().save(tmp_path / "plan.docx"))

    assert errors.startswith(
        "plan.docx has objective rows such as “Obj 1.1”, as a plan of aims, objectives and actions has, but this "
        "plan is priorities and actions: import it into a plan of aims, objectives and actions, or take the "
        "objective rows out."
    )


def test_priorities_into_a_plan_of_aims_and_objectives_suggests_two_levels(tmp_path):
    errors = import_errors(priorities_plan().save(tmp_path / "plan.docx"))

    assert errors.startswith(
        "plan.docx has no objective rows such as “Obj 1.1 …”, which a plan of aims, objectives and actions needs. "
        "It has headings such as “Priority 1a Early Help and Prevention”: if those and actions are all it has, "
        "import it into a plan of two levels (priorities and actions)."
    )


def test_a_two_level_plan_imports_with_text_timescales_and_success_measures(tmp_path):
    BusinessPlanFactory(title="2025/26", shape=PlanShape.TWO_LEVEL)

    run_import(priorities_plan().save(tmp_path / "plan.docx"))

    plan = BusinessPlan.objects.get(title="2025/26")
    assert list(Aim.objects.filter(plan=plan).values_list("number", "title", "strategic_lead")) == [
        ("1a", "Early Help and Prevention", "Head of Early Help"),
        ("1b", "Neglect", ""),
    ]
    actions = plan.actions.order_by("objective__aim__sort_key", "sort_key")
    assert list(actions.values_list("ref", "responsibility", "timescale", "target_on", "success_measure")) == [
        (
            "1",
            "Training Sub Group",
            "Training programme to run across financial year 2025/26",
            None,
            "Number of staff trained",
        ),
        ("2", "Police", "", date(2025, 9, 30), "Assessment revised"),
        ("1", "Chair", "", date(2026, 3, 31), "Toolkit used in 50 cases"),
    ]
    assert not plan.rounds.exists()


def test_a_priority_row_may_give_its_strategic_lead_in_a_cell_of_its_own():
    word_plan = WordPlan().table(ACTION_ROW, header=TWO_LEVEL_HEADER)
    table = word_plan.document.tables[0]
    priority_row = table.add_row()
    priority_row.cells[0].merge(priority_row.cells[2]).text = "Priority 3: Exploitation"
    priority_row.cells[3].merge(priority_row.cells[-1]).text = "Strategic lead: Detective Inspector"
    table.rows[0]._tr.addprevious(priority_row._tr)

    (row,) = read_word_rows(word_plan, PlanShape.TWO_LEVEL)

    assert (row["aim"], row["aim_title"], row["strategic_lead"]) == ("3", "Exploitation", "Detective Inspector")
