"""import_plan against data already there: re-imports, dry runs, the plan itself, and the services."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from core.formats import financial_year_named
from objectives.importing.applying import apply_changes
from objectives.importing.checking import check_rows
from objectives.importing.readers import read_rows
from objectives.models import Action, Agency, Aim, BusinessPlan, Objective, ProgressRound, ProgressUpdate
from tests.factories import (
    ActionFactory,
    AgencyFactory,
    AimFactory,
    BusinessPlanFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
    UserFactory,
)
from tests.objectives.import_files import UNICODE_TEXT, import_errors, plan_row, run_import, write_csv, write_xlsx

pytestmark = pytest.mark.django_db

MODELS = (BusinessPlan, Agency, Aim, Objective, Action, ProgressRound, ProgressUpdate)


def row_and_history_counts() -> dict[str, tuple[int, int]]:
    return {model.__name__: (model.objects.count(), model.history.count()) for model in MODELS}


def full_plan_rows(action_text="Extend the audit programme") -> list[list]:
    return [
        plan_row(
            action="1.1.1",
            action_text=action_text,
            lead_agency="Police; Health",
            target_date="March 2026",
            progress_date="December 2025",
            progress=UNICODE_TEXT,
            rag="Amber",
        ),
        plan_row(action="1.1.2", lead_agency="Council", target_date="2026-01-15"),
        plan_row(
            aim="2",
            aim_title="Children know who to contact",
            objective="2.1",
            objective_title="Tell them",
            action="2.1.1",
        ),
    ]


@pytest.mark.parametrize("write", [write_csv, write_xlsx])
def test_importing_the_same_file_again_changes_nothing(tmp_path, write):
    path = write(tmp_path / f"plan.{'csv' if write is write_csv else 'xlsx'}", full_plan_rows())
    run_import(path)
    before = row_and_history_counts()

    output = run_import(path)

    assert row_and_history_counts() == before
    assert "Actions: 0 created, 0 updated." in output
    assert "Progress updates: 0 created, 0 updated." in output


def test_a_changed_cell_updates_only_its_object(tmp_path):
    run_import(write_csv(tmp_path / "first.csv", full_plan_rows()))
    before = row_and_history_counts()

    output = run_import(write_csv(tmp_path / "second.csv", full_plan_rows(action_text="Extend and publish the audit")))

    assert Action.objects.get(ref="1.1.1").text == "Extend and publish the audit"
    assert "Actions: 0 created, 1 updated." in output
    after = row_and_history_counts()
    assert after["Action"] == (before["Action"][0], before["Action"][1] + 1)
    assert {name: counts for name, counts in after.items() if name != "Action"} == {
        name: counts for name, counts in before.items() if name != "Action"
    }


def test_changes_are_recorded_in_history_with_the_file_name(tmp_path):
    run_import(write_csv(tmp_path / "plan-2025.csv", full_plan_rows()))

    action = Action.objects.get(ref="1.1.1")
    assert action.history.first().history_change_reason == "Imported from plan-2025.csv"
    assert ProgressUpdate.objects.get().history.get().history_change_reason == "Imported from plan-2025.csv"


def test_a_reimport_replaces_the_lead_agencies_of_an_action(tmp_path):
    run_import(write_csv(tmp_path / "plan.csv", [plan_row(lead_agency="Police; Health")]))

    output = run_import(write_csv(tmp_path / "again.csv", [plan_row(lead_agency="health; Probation")]))

    names = set(Action.objects.get().lead_agencies.values_list("name", flat=True))
    assert names == {"Health", "Probation"}
    assert "Created agency: Probation" in output
    assert "Actions: 0 created, 1 updated." in output


def test_an_empty_cell_keeps_what_is_stored(tmp_path):
    police = AgencyFactory(name="Police")
    action = ActionFactory(
        ref="1.1.1",
        text="Stored text",
        target_on=date(2026, 3, 31),
        target_is_month=True,
        lead_agencies=[police],
        objective__ref="1.1",
        objective__title="Stored objective",
        objective__aim__number=1,
        objective__aim__title="Stored aim",
    )
    path = write_csv(tmp_path / "plan.csv", [plan_row(aim_title="", objective_title="", action_text="")])

    output = run_import(path, plan=action.plan.title)

    action.refresh_from_db()
    assert (action.text, action.target_on, action.target_is_month) == ("Stored text", date(2026, 3, 31), True)
    assert list(action.lead_agencies.all()) == [police]
    assert (action.objective.title, action.objective.aim.title) == ("Stored objective", "Stored aim")
    assert "Actions: 0 created, 0 updated." in output


def test_a_title_that_differs_from_the_database_updates_it(tmp_path):
    action = ActionFactory(ref="1.1.1", objective__ref="1.1", objective__aim__number=1, objective__aim__title="Old")
    path = write_csv(tmp_path / "plan.csv", [plan_row(aim_title="New aim title", action_text=action.text)])

    output = run_import(path, plan=action.plan.title)

    assert Aim.objects.get().title == "New aim title"
    assert "Aims: 0 created, 1 updated." in output


def test_objects_missing_from_the_file_are_left_alone(tmp_path):
    kept = ActionFactory(ref="1.1.9", objective__ref="1.1", objective__aim__number=1)
    path = write_csv(tmp_path / "plan.csv", [plan_row(action="1.1.1")])

    run_import(path, plan=kept.plan.title)

    assert set(Action.objects.values_list("ref", flat=True)) == {"1.1.1", "1.1.9"}


def test_changed_progress_is_the_imports_not_the_earlier_authors(tmp_path):
    update = ProgressUpdateFactory(
        progress="Officer's text",
        rag=ProgressUpdate.Rag.RED,
        author=UserFactory(),
        round__as_of=date(2025, 12, 31),
        action__ref="1.1.1",
        action__objective__ref="1.1",
        action__objective__aim__number=1,
    )
    path = write_csv(tmp_path / "plan.csv", [plan_row(progress_date="2025-12", progress="Imported text")])

    output = run_import(path, plan=update.round.plan.title)

    update.refresh_from_db()
    assert (update.progress, update.rag, update.author) == ("Imported text", ProgressUpdate.Rag.RED, None)
    assert "Progress updates: 0 created, 1 updated." in output


def test_unchanged_progress_keeps_its_author(tmp_path):
    author = UserFactory()
    update = ProgressUpdateFactory(
        progress="Same text",
        author=author,
        round__as_of=date(2025, 12, 31),
        action__ref="1.1.1",
        action__objective__ref="1.1",
        action__objective__aim__number=1,
    )
    path = write_csv(tmp_path / "plan.csv", [plan_row(progress_date="2025-12", progress="Same text")])

    run_import(path, plan=update.round.plan.title)

    update.refresh_from_db()
    assert update.author == author


def test_dry_run_writes_nothing_and_says_what_would_change(tmp_path):
    path = write_csv(tmp_path / "plan.csv", full_plan_rows())

    output = run_import(path, "--dry-run")

    assert not any(model.objects.exists() for model in MODELS)
    assert output.startswith("Dry run: nothing was saved.")
    assert "Business plan 2025/26: would be created." in output
    assert "Would create agency: Police" in output
    assert "Actions: 3 to create, 0 to update." in output


def test_dry_run_of_a_changed_file_leaves_the_plan_as_it_was(tmp_path):
    run_import(write_csv(tmp_path / "plan.csv", full_plan_rows()))
    before = row_and_history_counts()

    output = run_import(write_csv(tmp_path / "changed.csv", full_plan_rows(action_text="Changed")), "--dry-run")

    assert row_and_history_counts() == before
    assert Action.objects.get(ref="1.1.1").text == "Extend the audit programme"
    assert "Actions: 0 to create, 1 to update." in output


def test_dry_run_reports_bad_rows_too(tmp_path):
    path = write_csv(tmp_path / "plan.csv", [plan_row(progress_date="2025-12", rag="Purple")])

    errors = import_errors(path, "--dry-run")

    assert "Row 2, rating:" in errors


def test_a_missing_plan_is_created_for_its_financial_year(tmp_path):
    run_import(write_csv(tmp_path / "plan.csv", [plan_row()]), plan="2026/27")

    plan = BusinessPlan.objects.get()
    assert (plan.title, plan.starts_on, plan.ends_on) == ("2026/27", date(2026, 4, 1), date(2027, 3, 31))


def test_an_existing_plan_is_used(tmp_path):
    plan = BusinessPlanFactory(title="2025/26", starts_on=date(2025, 6, 1), ends_on=date(2026, 5, 31))

    output = run_import(write_csv(tmp_path / "plan.csv", [plan_row()]))

    assert list(BusinessPlan.objects.all()) == [plan]
    assert plan.actions.count() == 1
    assert "Business plan 2025/26: already there." in output


def test_a_plan_whose_title_has_no_years_needs_its_dates(tmp_path):
    errors = import_errors(write_csv(tmp_path / "plan.csv", [plan_row()]), plan="Neglect strategy")

    assert "There is no business plan “Neglect strategy”" in errors
    assert "give its dates with --starts and --ends" in errors
    assert not BusinessPlan.objects.exists()


def test_a_plan_is_created_from_starts_and_ends(tmp_path):
    path = write_csv(tmp_path / "plan.csv", [plan_row()])

    run_import(path, "--starts", "2025-09-01", "--ends", "2026-08-31", plan="Neglect strategy")

    plan = BusinessPlan.objects.get()
    assert (plan.title, plan.starts_on, plan.ends_on) == ("Neglect strategy", date(2025, 9, 1), date(2026, 8, 31))


def test_a_plan_that_ends_before_it_starts_is_refused(tmp_path):
    path = write_csv(tmp_path / "plan.csv", [plan_row()])

    errors = import_errors(path, "--starts", "2026-09-01", "--ends", "2025-08-31", plan="Neglect strategy")

    assert "cannot be created: The end date must be after the start date." in errors


def test_a_badly_written_start_date_is_refused(tmp_path):
    errors = import_errors(write_csv(tmp_path / "plan.csv", [plan_row()]), "--starts", "1 Sept 2025", plan="X")

    assert "'1 Sept 2025' is not a date; write it as 2025-04-01." in errors


@pytest.mark.parametrize(
    ("title", "years"),
    [
        ("2025/26", (date(2025, 4, 1), date(2026, 3, 31))),
        ("2025-26", (date(2025, 4, 1), date(2026, 3, 31))),
        ("2025/2026", (date(2025, 4, 1), date(2026, 3, 31))),
        ("1999/00", (date(1999, 4, 1), date(2000, 3, 31))),
        ("2025/27", None),
        ("Plan 2025", None),
    ],
)
def test_financial_year_from_a_title(title, years):
    assert financial_year_named(title) == years


def read_file(path):
    with path.open("rb") as file:
        return read_rows(file, path.name)


def test_apply_writes_nothing_if_the_plan_changed_since_the_check(tmp_path):
    plan = BusinessPlanFactory(title="2025/26")
    path = write_csv(tmp_path / "plan.csv", [plan_row(lead_agency="New agency")])
    changes = check_rows(read_file(path), plan=plan)
    # Someone adds aim 1 and action 1.1.1 between the check and the apply.
    ActionFactory(ref="1.1.1", objective__ref="1.1", objective__aim=AimFactory(plan=plan, number=1))

    with pytest.raises(ValidationError):
        apply_changes(changes)

    assert not Agency.objects.exists()


@pytest.mark.parametrize("length", [2, 7])
def test_checking_an_unchanged_file_takes_the_same_queries_whatever_its_length(
    tmp_path, django_assert_num_queries, length
):
    rows = [
        plan_row(action=f"1.1.{number}", lead_agency="Police; Health", progress_date="2025-12", progress="Done")
        for number in range(1, length + 1)
    ]
    path = write_csv(tmp_path / "plan.csv", rows)
    run_import(path)
    plan = BusinessPlan.objects.with_scale().get()
    sheet = read_file(path)

    # agencies, aims, objectives, actions, their lead agencies, rounds, progress updates
    with django_assert_num_queries(7):
        changes = check_rows(sheet, plan=plan)

    assert changes.changes == []
    assert changes.errors == []


def test_the_round_date_is_the_plans_own(tmp_path):
    other_plan_round = ProgressRoundFactory(as_of=date(2025, 12, 31))
    path = write_csv(tmp_path / "plan.csv", [plan_row(progress_date="2025-12", progress="Done")])

    run_import(path)

    update = ProgressUpdate.objects.get()
    assert update.round != other_plan_round
    assert update.round.plan.title == "2025/26"
