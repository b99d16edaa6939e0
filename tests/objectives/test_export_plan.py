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

from core.responses import guard_formula
from objectives.exporting import plan_csv, plan_rows, plan_xlsx
from objectives.importing.cells import unguard_formula
from objectives.importing.columns import COLUMNS
from objectives.models import BusinessPlan, ProgressUpdate
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
    return {
        "aims": list(plan.aims.not_hidden().order_by("number").values_list("number", "title")),
        "objectives": list(plan.objectives.not_hidden().in_ref_order().values_list("ref", "title", "aim__number")),
        "actions": [
            (
                action.ref,
                action.objective.ref,
                action.text,
                action.target_on,
                action.target_is_month,
                [agency.name for agency in action.lead_agencies.all()],
            )
            for action in actions.in_ref_order().select_related("objective").prefetch_related("lead_agencies")
        ],
        "progress": list(
            ProgressUpdate.objects.accepted()
            .filter(action__in=actions)
            .order_by("action__sort_key", "round__as_of")
            .values_list("action__ref", "round__as_of", "progress", "impact", "rag")
        ),
    }


@pytest.fixture
def full_plan():
    """Several aims, natural refs up to 1.1.10, month and day targets, two rounds, several agencies, long text."""
    plan = BusinessPlanFactory(title="2025/26")
    police = AgencyFactory(name="Eastmere Constabulary", short_name="Police")
    health = AgencyFactory(name="NHS Eastmere Integrated Care Board", short_name="ICB")
    council = AgencyFactory(name="Eastmere Council – Children’s Services", short_name="Council")
    rounds = {as_of: ProgressRoundFactory(plan=plan, as_of=as_of, deadline=None) for as_of in (SEPTEMBER, DECEMBER)}
    first = ObjectiveFactory(aim=AimFactory(plan=plan, number=1, title="Partners’ work keeps children safe"), ref="1.1")
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
        )
        if number <= 7:
            ProgressUpdateFactory(action=action, round=rounds[SEPTEMBER], progress=f"- Planned step {number}")
        if number <= 5:
            ProgressUpdateFactory(
                action=action,
                round=rounds[DECEMBER],
                progress=LONG_TEXT if number == 1 else FORMULA_TEXTS[number - 1],
                impact="Repeat referrals down from 24% to 17%",
                rag=[*ProgressUpdate.Rag.values][number - 1],
            )
    ActionFactory(objective=second, ref="2.1.1", text="Publish a leaflet", lead_agencies=[council])
    ActionFactory(objective=third, ref="3.1.1", text="- Share learning", target_on=None)
    return plan


def export_and_import(plan, write, suffix, tmp_path, title="Copy") -> BusinessPlan:
    path = tmp_path / f"exported.{suffix}"
    path.write_bytes(write(plan))
    # A copy over the same year: a round must fall within its plan's dates.
    run_import(path, "--starts", f"{plan.starts_on:%Y-%m-%d}", "--ends", f"{plan.ends_on:%Y-%m-%d}", plan=title)
    return BusinessPlan.objects.get(title=title)


@pytest.mark.parametrize(("write", "suffix"), [(plan_xlsx, "xlsx"), (plan_csv, "csv")])
def test_export_then_import_gives_an_equal_plan(full_plan, tmp_path, write, suffix):
    copy = export_and_import(full_plan, write, suffix, tmp_path)

    assert copy != full_plan
    assert plan_data(copy) == plan_data(full_plan)


def test_the_round_trip_data_covers_the_whole_plan(full_plan):
    data = plan_data(full_plan)

    assert [ref for ref, *_ in data["actions"]][-4:] == ["1.1.9", "1.1.10", "2.1.1", "3.1.1"]
    assert {as_of for _, as_of, *_ in data["progress"]} == {SEPTEMBER, DECEMBER}
    assert len(data["progress"]) == 12
    assert any(text == LONG_TEXT for _, _, text, *_ in data["progress"])


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
    objective = ObjectiveFactory(aim=AimFactory(plan=plan, number=1, title="Safe"), ref="1.1", title="Lives")
    return ActionFactory(objective=objective, ref="1.1.1", **action)


def test_the_columns_are_the_imports():
    plan = BusinessPlanFactory()

    assert csv_rows(plan) == [list(COLUMNS)]
    assert xlsx_rows(plan) == [COLUMNS]


def test_an_action_has_a_row_for_each_round_of_accepted_progress():
    police, health = AgencyFactory(name="Police force", short_name="P"), AgencyFactory(name="Health trust")
    action = one_action_plan(
        text="Audit", target_on=date(2026, 3, 31), target_is_month=True, lead_agencies=[police, health]
    )
    for as_of, rag in ((DECEMBER, ProgressUpdate.Rag.AMBER), (SEPTEMBER, ProgressUpdate.Rag.NOT_STARTED)):
        progress_round = ProgressRoundFactory(plan=action.plan, as_of=as_of)
        ProgressUpdateFactory(action=action, round=progress_round, progress=f"By {as_of}", impact="Fewer", rag=rag)

    rows = plan_rows(action.plan)

    start = [1, "Safe", "1.1", "Lives", "1.1.1", "Audit", "Health trust; Police force", "2026-03"]
    assert rows == [
        [*start, "2025-09-30", "By 2025-09-30", "Fewer", "Not started"],
        [*start, "2025-12-31", "By 2025-12-31", "Fewer", "Amber"],
    ]


def test_an_action_without_progress_has_one_row_with_empty_progress():
    one_action_plan(text="Audit", target_on=date(2026, 1, 15), target_is_month=False)

    assert csv_rows(BusinessPlan.objects.get())[1] == [
        "1", "Safe", "1.1", "Lives", "1.1.1", "Audit", "", "2026-01-15", "", "", "", ""
    ]  # fmt: skip


@pytest.mark.parametrize(
    "state", [ProgressUpdate.State.DRAFT, ProgressUpdate.State.SUBMITTED, ProgressUpdate.State.RETURNED]
)
def test_progress_not_yet_accepted_is_left_out(state):
    action = one_action_plan()
    ProgressUpdateFactory(action=action, state=state)

    assert [row[8:] for row in plan_rows(action.plan)] == [["", "", "", ""]]


@pytest.mark.parametrize("deleted", ["action", "objective", "aim"])
def test_deleted_parts_of_the_plan_are_left_out(deleted):
    action = one_action_plan()
    kept = ActionFactory(objective=ObjectiveFactory(aim=AimFactory(plan=action.plan, number=2), ref="2.1"), ref="2.1.1")
    target = {"action": action, "objective": action.objective, "aim": action.objective.aim}[deleted]
    target.is_deleted = True
    target.save()

    assert [row[4] for row in plan_rows(action.plan)] == [kept.ref]


def test_actions_are_in_natural_ref_order():
    action = one_action_plan()
    for ref in ("1.1.10", "1.1.2"):
        ActionFactory(objective=action.objective, ref=ref)

    assert [row[4] for row in plan_rows(action.plan)] == ["1.1.1", "1.1.2", "1.1.10"]


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

    assert csv_rows(BusinessPlan.objects.get())[1][5] == "'" + text


@pytest.mark.parametrize("text", FORMULA_TEXTS)
def test_formula_cells_are_neutralised_in_xlsx(text):
    one_action_plan(text=text)
    sheet = load_workbook(io.BytesIO(plan_xlsx(BusinessPlan.objects.get()))).active

    assert (sheet["F2"].value, sheet["F2"].data_type) == ("'" + text, "s")


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
    assert header == COLUMNS


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
    # its actions with objectives and aims, their lead agencies, their accepted progress with rounds
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
