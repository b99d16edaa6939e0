"""Exporting a plan to XLSX and CSV in the import's columns: the rows, formula injection, the page, and the
round trip (export, import into a new plan, compare field by field)."""

import csv
import io
from datetime import date
from http import HTTPStatus

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from core.models import RatingScale
from core.responses import guard_formula
from objectives.exporting import plan_csv, plan_rows, plan_xlsx
from objectives.importing.cells import unguard_formula
from objectives.importing.columns import PLAN_COLUMNS
from objectives.models import BusinessPlan, PlanShape, ProgressUpdate, implicit_aim
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
from tests.objectives.import_files import UNICODE_TEXT, run_import

pytestmark = pytest.mark.django_db

SEPTEMBER, DECEMBER = date(2025, 9, 30), date(2025, 12, 31)
LONG_TEXT = (
    "The audit of 40 cases found:\n\n- fewer repeat referrals\n- quicker strategy meetings\r\n\n"
    + UNICODE_TEXT
    + " A literal _x0041_ stays as typed. "
    + "ü" * 5000
)
FORMULA_TEXTS = ['=HYPERLINK("http://example.org")', "+44 1632 960000", "-1 on last year", "@SUM(A1)", "'=quoted"]


def plan_data(plan: BusinessPlan) -> dict:
    """Everything the import's columns carry, as plain data, so two plans compare field by field."""
    actions = plan.actions.not_hidden().filter(objective__isnull=False)
    action_fields = (
        "text",
        "responsibility",
        "lead_officer",
        "target_on",
        "target_is_month",
        "original_target_on",
        "original_target_is_month",
        "times_slipped",
        "timescale",
        "success_measure",
    )
    in_order = ("objective__aim__sort_key", "objective__sort_key", "sort_key")
    # A flat plan's implicit levels are never shown, and a list plan's aim takes the plan's title.
    levels = {"aims": plan.has_aims, "objectives": plan.has_objectives}
    data = {
        "aims": list(plan.aims.not_hidden().order_by("sort_key").values_list("number", "title", "strategic_lead")),
        "objectives": list(
            plan.objectives.not_hidden()
            .order_by("aim__sort_key", "sort_key")
            .values_list("ref", "title", "aim__number")
        ),
        "actions": [
            (
                action.objective.aim.number,
                action.objective.ref,
                action.ref,
                *(getattr(action, name) for name in action_fields),
                [agency.name for agency in action.lead_agencies.all()],
            )
            for action in actions.order_by(*in_order).select_related("objective__aim").prefetch_related("lead_agencies")
        ],
        "progress": list(
            ProgressUpdate.objects.accepted()
            .filter(action__in=actions)
            .order_by(*(f"action__{name}" for name in in_order), "round__as_of")
            .values_list("action__objective__aim__number", "action__ref", "round__as_of", "progress", "impact", "rag")
        ),
    }
    return {key: value for key, value in data.items() if levels.get(key, True)}


@pytest.fixture
def full_plan():
    """Several aims, natural refs up to 1.1.10, month and day targets, two rounds, several agencies, long text."""
    plan = BusinessPlanFactory(title="2025/26")
    police = AgencyFactory(name="Eastmere Constabulary", short_name="Police")
    health = AgencyFactory(name="NHS Eastmere Integrated Care Board", short_name="ICB")
    council = AgencyFactory(name="Eastmere Council – Children’s Services", short_name="Council")
    rounds = {as_of: ProgressRoundFactory(plan=plan, as_of=as_of, deadline=None) for as_of in (SEPTEMBER, DECEMBER)}
    first_aim = AimFactory(plan=plan, number="1", title="Partners’ work keeps children safe", strategic_lead="DCS")
    first = ObjectiveFactory(aim=first_aim, ref="1.1")
    second = ObjectiveFactory(aim=AimFactory(plan=plan, number=2, title="Children know who to contact"), ref="2.1")
    third = ObjectiveFactory(aim=AimFactory(plan=plan, number=3, title="=Learning changes practice"), ref="3.1")
    for number in range(1, 11):
        action = ActionFactory(
            objective=first,
            ref=f"1.1.{number}",
            text=f"Action {number}: extend the audit" if number != 4 else FORMULA_TEXTS[0],
            target_on=date(2026, 3, 31) if number % 2 else date(2026, 1, 15),
            target_is_month=bool(number % 2),
            lead_agencies=[police, health][: number % 3],
            responsibility="Chair / DCS" if number == 2 else "",
            lead_officer="Sam Okafor" if number == 3 else "",
            timescale="Across 2025/26" if number == 6 else "",
            success_measure="Fewer repeat referrals" if number < 3 else "",
        )
        if number == 9:
            # Slipped twice: the original target and the count go with it.
            action.revise_target(date(2026, 4, 30), is_month=True)
            action.revise_target(date(2026, 5, 31), is_month=True)
            action.save()
        if number <= 7:
            ProgressUpdateFactory(action=action, round=rounds[SEPTEMBER], progress=f"- Planned step {number}")
        if number <= 5:
            ProgressUpdateFactory(
                action=action,
                round=rounds[DECEMBER],
                progress=LONG_TEXT if number == 1 else FORMULA_TEXTS[number - 1],
                impact="Repeat referrals down from 24% to 17%",
                rag=["", *ProgressUpdate.Rag.values][number - 1],
            )
    ActionFactory(objective=second, ref="2.1.1", text="Publish a leaflet", lead_agencies=[council])
    ActionFactory(objective=third, ref="3.1.1", text="- Share learning", target_on=None)
    return plan


# Some actions of the flat plans are rated, some left blank.
RATINGS = ["", "1", "2", "3", "4"]


def flat_plan(shape: str) -> BusinessPlan:
    """A list plan (recommendations 1 to 10) or a two-level one (actions 1 to 3 under priorities 1a, 1b, 2)."""
    plan = BusinessPlanFactory(title="2025/26", shape=shape, rating_scale=scale_named("four-point"))
    progress_round = ProgressRoundFactory(plan=plan, as_of=DECEMBER, deadline=None)
    if shape == PlanShape.LIST:
        parents = [implicit_aim(plan).implicit_objective()]
        refs = [str(number) for number in range(1, 11)]
    else:
        parents = [
            AimFactory(plan=plan, number=number, title=f"Priority {number}", strategic_lead=lead).implicit_objective()
            for number, lead in (("2", "Chair"), ("1b", ""), ("1a", "Police"))
        ]
        refs = ["1", "2", "3"]
    for objective in parents:
        for ref in refs:
            action = ActionFactory(
                objective=objective, ref=ref, text=f"Do {ref}", target_on=None, timescale="During 2025/26",
                responsibility="Training Sub-Group", success_measure="Courses run",
            )  # fmt: skip
            ProgressUpdateFactory(
                action=action, round=progress_round, progress=f"Done {ref}", rag=["", "1", "2", "3", "4"][int(ref) % 5]
            )
    return plan


def scale_named(name: str):
    return RatingScale.objects.get(name=name)


def export_and_import(plan, write, suffix, tmp_path, title="Copy", options=()) -> BusinessPlan:
    path = tmp_path / f"exported.{suffix}"
    path.write_bytes(write(plan))
    # A copy over the same year: a round must fall within its plan's dates.
    dates = ("--starts", f"{plan.starts_on:%Y-%m-%d}", "--ends", f"{plan.ends_on:%Y-%m-%d}")
    run_import(path, *dates, *options, plan=title)
    return BusinessPlan.objects.get(title=title)


@pytest.mark.parametrize(("write", "suffix"), [(plan_xlsx, "xlsx"), (plan_csv, "csv")])
def test_export_then_import_gives_an_equal_plan(full_plan, tmp_path, write, suffix):
    copy = export_and_import(full_plan, write, suffix, tmp_path)

    assert copy != full_plan
    assert plan_data(copy) == plan_data(full_plan)


@pytest.mark.parametrize("shape", [PlanShape.LIST, PlanShape.TWO_LEVEL])
@pytest.mark.parametrize(("write", "suffix"), [(plan_xlsx, "xlsx"), (plan_csv, "csv")])
def test_a_flat_plan_round_trips_into_a_new_plan_of_its_scale_and_shape(tmp_path, shape, write, suffix):
    plan = flat_plan(shape)

    copy = export_and_import(plan, write, suffix, tmp_path, options=("--scale", "four-point", "--shape", shape))

    assert (copy.shape, copy.rating_scale.name) == (shape, "four-point")
    assert plan_data(copy) == plan_data(plan)
    assert len(plan_data(copy)["progress"]) == (10 if shape == PlanShape.LIST else 9)
    assert {rating for *_, rating in plan_data(copy)["progress"]} >= {"1", "2", "3"}


@pytest.mark.parametrize("shape", [PlanShape.LIST, PlanShape.TWO_LEVEL])
def test_importing_a_flat_plans_export_into_itself_changes_nothing(tmp_path, shape):
    plan = flat_plan(shape)
    path = tmp_path / "exported.csv"
    path.write_bytes(plan_csv(plan))

    output = run_import(path, plan=plan.title)

    assert "0 created, 0 updated" in output
    assert " created, 0 updated." in output
    assert all(line.endswith(": 0 created, 0 updated.") for line in output.splitlines()[1:])


def test_a_flat_plans_export_has_only_its_shapes_columns():
    list_plan = flat_plan(PlanShape.LIST)

    header, first, *_ = csv_rows(list_plan)

    assert header[:2] == ["action", "action_text"]
    assert "aim" not in header
    assert "objective" not in header
    assert dict(zip(header, first, strict=True))["rating"] == "1"


def test_the_round_trip_data_covers_the_whole_plan(full_plan):
    data = plan_data(full_plan)

    assert [action[2] for action in data["actions"]][-4:] == ["1.1.9", "1.1.10", "2.1.1", "3.1.1"]
    assert {row[2] for row in data["progress"]} == {SEPTEMBER, DECEMBER}
    assert len(data["progress"]) == 12
    assert {rag for *_, rag in data["progress"]} == {"", *ProgressUpdate.Rag.values} - {"complete"}
    assert any(action[10] == 2 for action in data["actions"])  # times slipped
    assert any(row[3] == LONG_TEXT for row in data["progress"])


@pytest.mark.parametrize(("write", "suffix"), [(plan_xlsx, "xlsx"), (plan_csv, "csv")])
def test_importing_an_export_into_its_own_plan_changes_nothing(full_plan, tmp_path, write, suffix):
    path = tmp_path / f"exported.{suffix}"
    path.write_bytes(write(full_plan))

    output = run_import(path, plan=full_plan.title)

    assert "Actions: 0 created, 0 updated." in output
    assert "Progress updates: 0 created, 0 updated." in output


def csv_rows(plan) -> list[list[str]]:
    return list(csv.reader(io.StringIO(plan_csv(plan).decode("utf-8-sig"), newline="")))


def xlsx_rows(plan) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(plan_xlsx(plan))).active
    return [tuple(cell.value for cell in row) for row in sheet.iter_rows()]


def one_action_plan(**action):
    plan = BusinessPlanFactory(title="2025/26")
    objective = ObjectiveFactory(aim=AimFactory(plan=plan, number="1", title="Safe"), ref="1.1", title="Lives")
    return ActionFactory(objective=objective, ref="1.1.1", **action)


def test_the_columns_are_the_imports():
    plan = BusinessPlanFactory()

    assert csv_rows(plan) == [list(PLAN_COLUMNS)]
    assert xlsx_rows(plan) == [PLAN_COLUMNS]


def test_an_action_has_a_row_for_each_round_of_accepted_progress():
    police, health = AgencyFactory(name="Police force", short_name="P"), AgencyFactory(name="Health trust")
    action = one_action_plan(
        text="Audit", target_on=date(2026, 3, 31), target_is_month=True, lead_agencies=[police, health]
    )
    for as_of, rag in ((DECEMBER, ProgressUpdate.Rag.AMBER), (SEPTEMBER, ProgressUpdate.Rag.NOT_STARTED)):
        progress_round = ProgressRoundFactory(plan=action.plan, as_of=as_of)
        ProgressUpdateFactory(action=action, round=progress_round, progress=f"By {as_of}", impact="Fewer", rag=rag)

    rows = plan_rows(action.plan)

    start = ["1", "Safe", "", "1.1", "Lives", "1.1.1", "Audit", "Health trust; Police force", "", "", "2026-03"]
    start += ["", "", "", ""]
    assert rows == [
        [*start, "2025-09-30", "By 2025-09-30", "Fewer", "not_started"],
        [*start, "2025-12-31", "By 2025-12-31", "Fewer", "amber"],
    ]


def test_an_action_without_progress_has_one_row_with_empty_progress():
    one_action_plan(text="Audit", target_on=date(2026, 1, 15), target_is_month=False)

    assert csv_rows(BusinessPlan.objects.get())[1] == [
        "1", "Safe", "", "1.1", "Lives", "1.1.1", "Audit", "", "", "", "2026-01-15", "", "", "", "", "", "", "", ""
    ]  # fmt: skip


@pytest.mark.parametrize(
    "state", [ProgressUpdate.State.DRAFT, ProgressUpdate.State.SUBMITTED, ProgressUpdate.State.RETURNED]
)
def test_progress_not_yet_accepted_is_left_out(state):
    action = one_action_plan()
    ProgressUpdateFactory(action=action, state=state)

    assert [row[-4:] for row in plan_rows(action.plan)] == [["", "", "", ""]]


@pytest.mark.parametrize("deleted", ["action", "objective", "aim"])
def test_deleted_parts_of_the_plan_are_left_out(deleted):
    action = one_action_plan()
    kept = ActionFactory(
        objective=ObjectiveFactory(aim=AimFactory(plan=action.plan, number="2"), ref="2.1"), ref="2.1.1"
    )
    target = {"action": action, "objective": action.objective, "aim": action.objective.aim}[deleted]
    target.is_deleted = True
    target.save()

    assert [row[5] for row in plan_rows(action.plan)] == [kept.ref]


def test_actions_are_in_natural_ref_order():
    action = one_action_plan()
    for ref in ("1.1.10", "1.1.2"):
        ActionFactory(objective=action.objective, ref=ref)

    assert [row[5] for row in plan_rows(action.plan)] == ["1.1.1", "1.1.2", "1.1.10"]


def test_aims_are_in_natural_order():
    action = one_action_plan()
    for number in ("10", "2", "1b"):
        ActionFactory(objective=ObjectiveFactory(aim=AimFactory(plan=action.plan, number=number)), ref="1")

    assert [row[0] for row in plan_rows(action.plan)] == ["1", "1b", "2", "10"]


@pytest.mark.parametrize(
    ("text", "guarded"),
    [
        ("=1+1", "'=1+1"),
        ("+44 1632 960000", "'+44 1632 960000"),
        ("-1 on last year", "'-1 on last year"),
        ("- a bullet", "'- a bullet"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tindented", "'\tindented"),
        ("\rreturn", "'\rreturn"),
        ("'=already quoted", "''=already quoted"),
        ("Plain text", "Plain text"),
        ("'Tis plain", "'Tis plain"),
        ("A = B", "A = B"),
    ],
)
def test_text_a_spreadsheet_could_run_as_a_formula_gets_an_apostrophe(text, guarded):
    assert guard_formula(text) == guarded
    assert unguard_formula(guard_formula(text)) == text


@pytest.mark.parametrize("text", FORMULA_TEXTS)
def test_formula_cells_are_neutralised_in_csv(text):
    one_action_plan(text=text)

    assert csv_rows(BusinessPlan.objects.get())[1][6] == "'" + text


@pytest.mark.parametrize("text", FORMULA_TEXTS)
def test_formula_cells_are_neutralised_in_xlsx(text):
    one_action_plan(text=text)
    sheet = load_workbook(io.BytesIO(plan_xlsx(BusinessPlan.objects.get()))).active

    assert (sheet["G2"].value, sheet["G2"].data_type) == ("'" + text, "s")


def test_xlsx_keeps_control_characters_and_escape_lookalikes(tmp_path):
    text = "Pasted from Word:\x0bline two, a literal _x000D_ and _x005F_."
    action = one_action_plan(text=text)

    copy = export_and_import(action.plan, plan_xlsx, "xlsx", tmp_path)

    assert copy.actions.get().text == text


def test_csv_starts_with_a_byte_order_mark_for_excel():
    assert plan_csv(BusinessPlanFactory()).startswith("\ufeff".encode())


@pytest.mark.parametrize(
    ("file_format", "content_type"),
    [
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("csv", "text/csv; charset=utf-8"),
    ],
)
def test_a_reader_downloads_the_export(reader_client, file_format, content_type):
    plan = one_action_plan().plan

    response = reader_client.get(reverse("objectives:plan_export", args=[plan.pk, file_format]))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="business-plan-2025-26.{file_format}"'
    if file_format == "xlsx":
        header = tuple(cell.value for cell in load_workbook(io.BytesIO(response.content)).active[1])
    else:
        header = tuple(next(csv.reader(io.StringIO(response.content.decode("utf-8-sig")))))
    assert header == PLAN_COLUMNS


def test_someone_without_a_role_may_not_export(client):
    plan = BusinessPlanFactory()
    client.force_login(UserFactory())

    response = client.get(reverse("objectives:plan_export", args=[plan.pk, "csv"]))

    assert response.status_code == HTTPStatus.FORBIDDEN


@pytest.mark.parametrize("file_format", ["pdf", "xls", "XLSX"])
def test_other_formats_are_not_found(reader_client, file_format):
    plan = BusinessPlanFactory()

    response = reader_client.get(reverse("objectives:plan_export", args=[plan.pk, file_format]))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_a_missing_plan_is_not_found(reader_client):
    response = reader_client.get(reverse("objectives:plan_export", args=[999, "csv"]))

    assert response.status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("actions", [2, 6])
def test_export_queries_do_not_grow_with_rows(reader_client, django_assert_num_queries, actions):
    first = one_action_plan()
    progress_round = ProgressRoundFactory(plan=first.plan)
    for number in range(2, actions + 1):
        action = ActionFactory(objective=first.objective, ref=f"1.1.{number}", lead_agencies=[AgencyFactory()])
        ProgressUpdateFactory(action=action, round=progress_round)
    url = reverse("objectives:plan_export", args=[first.plan.pk, "xlsx"])

    # session, user, the user's permissions and their groups' permissions, the plan,
    # its actions with objectives and aims, their lead agencies, their accepted progress with rounds,
    # the security log's entry for the download
    with django_assert_num_queries(8):
        response = reader_client.get(url)

    assert response.status_code == HTTPStatus.OK


def test_the_export_command_writes_a_file_the_import_reads(full_plan, tmp_path):
    path = tmp_path / "plan.xlsx"
    output = io.StringIO()

    call_command("export_plan", str(path), "--plan", "2025/26", stdout=output)
    run_import(path, "--starts", "2025-04-01", "--ends", "2026-03-31", plan="Copy")

    assert output.getvalue() == f"Business plan 2025/26 written to {path}.\n"
    assert plan_data(BusinessPlan.objects.get(title="Copy")) == plan_data(full_plan)


@pytest.mark.parametrize(
    ("name", "plan", "message"),
    [
        ("plan.pdf", "2025/26", "plan.pdf must end in .xlsx or .csv."),
        ("plan.csv", "1999/00", "There is no business plan “1999/00”."),
    ],
)
def test_the_export_command_refuses_what_it_cannot_do(tmp_path, name, plan, message):
    BusinessPlanFactory(title="2025/26")

    with pytest.raises(CommandError, match=message):
        call_command("export_plan", str(tmp_path / name), "--plan", plan)
