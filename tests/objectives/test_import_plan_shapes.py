"""import_plan for every plan's shape and scale: flat lists, priorities and actions, trees without ratings,
the --scale and --shape options, owners, timescales, success measures and slipped targets."""

from datetime import date

import pytest

from objectives.importing.checking import check_rows
from objectives.importing.readers import read_rows
from objectives.models import Action, Aim, BusinessPlan, Objective, ProgressUpdate
from tests.factories import ActionFactory, BusinessPlanFactory
from tests.objectives.import_files import HEADER, import_errors, plan_row, run_import, write_csv, write_xlsx

pytestmark = pytest.mark.django_db

LIST_HEADER = ["action", "action_text", "responsibility", "target_date", "progress_date", "progress", "rating"]
TWO_LEVEL_HEADER = [
    "aim",
    "aim_title",
    "strategic_lead",
    "action",
    "action_text",
    "lead_agency",
    "responsibility",
    "target_date",
    "success_measure",
]


def recommendations() -> list[list]:
    """A scrutiny review's five recommendations, assessed on the council's 1–4 scale (as code or as words)."""
    return [
        ["1", "Publish the board's annual report", "Chair / DCS", "To be confirmed in the Act", "2025-12", "Done", "1"],
        ["2", "Report to the committee twice a year", "Chair", "2025-12", "2025-12", "Presented Dec 2025", "2"],
        ["3", "Audit the threshold document", "Business manager", "", "2025-12", "Late", "Slipped"],
        ["4", "Train every school", "Training Sub-Group", "", "2025-12", "Not yet", "4 not achieved"],
        ["5", "Hear children's views", "", "", "", "", ""],
    ]


@pytest.mark.parametrize("write", [write_csv, write_xlsx])
def test_a_flat_numbered_list_imports_on_the_four_point_scale(tmp_path, write):
    path = write(tmp_path / f"plan.{'csv' if write is write_csv else 'xlsx'}", recommendations(), header=LIST_HEADER)

    output = run_import(path, "--scale", "four-point", "--shape", "list")

    plan = BusinessPlan.objects.get()
    assert (plan.shape, plan.rating_scale.name, plan.action_name) == ("list", "four-point", "Recommendation")
    assert list(plan.actions.in_ref_order().values_list("ref", flat=True)) == ["1", "2", "3", "4", "5"]
    assert list(ProgressUpdate.objects.order_by("action__sort_key").values_list("rag", flat=True)) == [
        "1",
        "2",
        "3",
        "4",
    ]
    first = Action.objects.get(ref="1")
    assert (first.responsibility, first.timescale, first.target_on) == (
        "Chair / DCS",
        "To be confirmed in the Act",
        None,
    )
    # The implicit aim and objective hold the list, and are never named in what the command says.
    assert Aim.objects.get().number == "1"
    assert Objective.objects.get().aim == Aim.objects.get()
    assert "Recommendations: 5 created, 0 updated." in output
    assert "Aims" not in output
    assert "Objectives" not in output


def test_reimporting_a_list_changes_nothing(tmp_path):
    path = write_csv(tmp_path / "plan.csv", recommendations(), header=LIST_HEADER)
    run_import(path, "--scale", "four-point", "--shape", "list")

    output = run_import(path)

    assert "Recommendations: 0 created, 0 updated." in output
    assert "Progress updates: 0 created, 0 updated." in output
    assert Aim.objects.count() == Objective.objects.count() == 1


def two_level_rows() -> list[list]:
    """A board's priorities 1a and 1b, each numbering its actions from 1, with words for timescales."""
    across = "Training programme to run across financial year 2025/26"
    return [
        ["1a", "Early Help and Prevention", "DCS", "1", "Map early help", "Council", "Early Help sub group", across,
         "Number of early help assessments"],
        ["1a", "", "", "2", "Launch the neglect toolkit", "", "Chair", "March 2026", "Toolkit used in 50 cases"],
        ["1b", "Neglect", "Police", "1", "Train 200 staff", "Police", "", "Across the year", "Staff trained"],
        ["1b", "Neglect", "", "2", "Audit neglect cases", "", "QA sub group", "", ""],
    ]  # fmt: skip


def test_a_two_level_plan_numbers_its_actions_under_each_priority(tmp_path):
    path = write_csv(tmp_path / "plan.csv", two_level_rows(), header=TWO_LEVEL_HEADER)

    output = run_import(path, "--shape", "two-level")

    plan = BusinessPlan.objects.get()
    assert (plan.shape, plan.aim_name) == ("two-level", "Priority")
    assert list(plan.aims.order_by("sort_key").values_list("number", "title", "strategic_lead")) == [
        ("1a", "Early Help and Prevention", "DCS"),
        ("1b", "Neglect", "Police"),
    ]
    actions = Action.objects.order_by("objective__aim__sort_key", "sort_key").select_related("objective__aim")
    assert [(action.objective.aim.number, action.ref) for action in actions] == [
        ("1a", "1"),
        ("1a", "2"),
        ("1b", "1"),
        ("1b", "2"),
    ]
    first = actions[0]
    assert first.timescale == "Training programme to run across financial year 2025/26"
    assert (first.success_measure, first.responsibility) == ("Number of early help assessments", "Early Help sub group")
    assert (actions[1].target_on, actions[1].target_is_month, actions[1].timescale) == (date(2026, 3, 31), True, "")
    # Each priority's actions sit under its one implicit objective.
    assert [objective.ref for objective in Objective.objects.order_by("sort_key")] == ["1a", "1b"]
    assert "Priorities: 2 created, 0 updated." in output
    assert "Objectives" not in output


def test_a_two_level_action_is_known_by_its_priority_in_messages(tmp_path):
    rows = [*two_level_rows(), ["1a", "", "", "2", "Again", "", "", "", ""]]
    path = write_csv(tmp_path / "plan.csv", rows, header=TWO_LEVEL_HEADER)

    errors = import_errors(path, "--shape", "two-level")

    assert "Row 6, action: Action 2 of Priority 1a is already on row 3." in errors


def test_a_tree_plan_with_blank_ratings_keeps_them_blank(tmp_path):
    rows = [
        plan_row(action="1.1.1", progress_date="2025-12", progress="All actions have been completed"),
        plan_row(action="1.1.2", progress_date="2025-12", progress="Under way", rag="Amber"),
    ]
    path = write_csv(tmp_path / "plan.csv", rows)

    run_import(path)

    assert list(ProgressUpdate.objects.order_by("action__sort_key").values_list("rag", flat=True)) == ["", "amber"]


def test_a_rating_column_reads_as_the_rag_column_did(tmp_path):
    header = [column if column != "rag" else "Rating" for column in HEADER]
    path = write_csv(tmp_path / "plan.csv", [plan_row(header, progress_date="2025-12", Rating="Green")], header=header)

    run_import(path)

    assert ProgressUpdate.objects.get().rag == "green"


@pytest.mark.parametrize(
    ("shape", "column", "value"), [("list", "aim", "1"), ("list", "aim_title", "Safe"), ("two-level", "objective", "1")]
)
def test_a_value_in_a_level_the_shape_has_not_is_refused(tmp_path, shape, column, value):
    header = ["action", "action_text", "aim", "aim_title", "objective"]
    row = {"action": "1", "action_text": "Do it", "aim": "1", "aim_title": "Safe", "objective": ""}
    path = write_csv(tmp_path / "plan.csv", [[{**row, column: value}[name] for name in header]], header=header)

    errors = import_errors(path, "--shape", shape)

    assert f"Row 2, {column}: has a value, but Business plan 2025/26 is laid out as" in errors
    assert "which has no such level; leave the column empty or remove it." in errors
    assert not BusinessPlan.objects.exists()


def test_a_list_plan_needs_no_aim_columns_but_a_tree_does(tmp_path):
    path = write_csv(tmp_path / "plan.csv", [["1", "Do it"]], header=["action", "action_text"])

    errors = import_errors(path)

    assert "Row 1, aim: column missing; add a column with this heading." in errors
    assert "Row 1, objective: column missing" in errors


def test_an_unknown_scale_lists_the_scales(tmp_path):
    path = write_csv(tmp_path / "plan.csv", [plan_row()])

    errors = import_errors(path, "--scale", "traffic-lights")

    scales = "brag, case-audit, four-point, none, rag or section-11"
    assert errors == f"There is no rating scale “traffic-lights”; the scales are {scales}."
    assert not BusinessPlan.objects.exists()


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (("--shape", "list"), "Business plan 2025/26 is already “tree” (aims, objectives and actions), not “list”"),
        (("--scale", "brag"), "Business plan 2025/26 is rated on “rag”, not “brag”"),
    ],
)
def test_an_existing_plans_scale_and_shape_are_not_changed(tmp_path, option, message):
    plan = BusinessPlanFactory(title="2025/26")
    action = ActionFactory(ref="1.1.1", text="Original", objective__ref="1.1", objective__aim__plan=plan)
    path = write_csv(tmp_path / "plan.csv", [plan_row(action_text="Changed")])

    errors = import_errors(path, *option, plan=action.plan.title)

    assert message in errors
    action.refresh_from_db()
    assert action.text == "Original"


def test_an_existing_plans_own_scale_and_shape_may_be_given(tmp_path):
    plan = BusinessPlanFactory(title="2025/26")
    path = write_csv(tmp_path / "plan.csv", [plan_row()])

    run_import(path, "--scale", "rag", "--shape", "tree", plan=plan.title)

    assert plan.actions.count() == 1


def test_a_later_target_on_reimport_is_a_slip(tmp_path):
    run_import(write_csv(tmp_path / "plan.csv", [plan_row(target_date="March 2026")]))

    output = run_import(write_csv(tmp_path / "later.csv", [plan_row(target_date="June 2026")]))

    action = Action.objects.get()
    assert (action.target_on, action.original_target_on, action.times_slipped) == (
        date(2026, 6, 30),
        date(2026, 3, 31),
        1,
    )
    assert "Actions: 0 created, 1 updated." in output


def test_the_original_target_in_a_file_is_kept_only_for_a_new_action(tmp_path):
    header = [*HEADER, "original_target_date", "times_slipped"]
    rows = [plan_row(header, target_date="June 2026", original_target_date="March 2026", times_slipped="2")]
    run_import(write_csv(tmp_path / "plan.csv", rows, header=header))
    changed = [plan_row(header, target_date="June 2026", original_target_date="January 2026", times_slipped="5")]

    output = run_import(write_csv(tmp_path / "changed.csv", changed, header=header))

    action = Action.objects.get()
    assert (action.original_target_on, action.original_target_is_month, action.times_slipped) == (
        date(2026, 3, 31),
        True,
        2,
    )
    assert "Actions: 0 created, 0 updated." in output


@pytest.mark.parametrize("length", [2, 6])
def test_checking_an_unchanged_list_takes_the_same_queries_whatever_its_length(
    tmp_path, django_assert_num_queries, length
):
    rows = [[str(number), f"Do {number}", "Chair", "", "2025-12", "Done", "2"] for number in range(1, length + 1)]
    path = write_csv(tmp_path / "plan.csv", rows, header=LIST_HEADER)
    run_import(path, "--scale", "four-point", "--shape", "list")
    plan = BusinessPlan.objects.with_scale().get()
    with path.open("rb") as file:
        sheet = read_rows(file, path.name)

    # agencies, aims, objectives, actions, their lead agencies, rounds, progress updates
    with django_assert_num_queries(7):
        changes = check_rows(sheet, plan=plan)

    assert (changes.changes, changes.errors) == ([], [])
