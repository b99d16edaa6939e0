"""Applying a plan import a model at a time: what it writes, what history it leaves, and the queries it takes."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models, transaction
from django.test import RequestFactory
from django.urls import reverse
from simple_history.models import HistoricalRecords

from objectives.importing.applying import _SAVE_ORDER, _take_parent_ids, apply_changes
from objectives.importing.checking import check_rows
from objectives.importing.plans import find_or_build_plan
from objectives.importing.readers import read_rows
from objectives.models import Action, Agency, Aim, BusinessPlan, Objective, ProgressRound, ProgressUpdate
from tests.factories import ActionFactory, AgencyFactory
from tests.import_pages import confirm
from tests.objectives.import_files import HEADER, import_errors, plan_row, write_csv

pytestmark = pytest.mark.django_db

REASON = "Imported from plan.csv"
UPLOAD_URL = reverse("objectives:import_upload")
# Set by the database, so different however the same objects are saved.
_UNCOMPARED = {"id", "history_id", "history_date", "created_at", "updated_at", "closed_at"}


def plan_rows(actions: int, *, text="Extend the audit programme", agencies="Police; Probation") -> list[list]:
    """Actions under two aims, each with lead agencies (one new) and a round's progress."""
    return [
        plan_row(
            aim=str(number % 2 + 1),
            objective=f"{number % 2 + 1}.1",
            action=f"{number % 2 + 1}.1.{number}",
            action_text=text,
            lead_agency=agencies,
            target_date="March 2026",
            progress_date="December 2025",
            progress=f"Progress on {number}",
            rag="green",
        )
        for number in range(1, actions + 1)
    ]


def checked(tmp_path, rows):
    path = write_csv(tmp_path / "plan.csv", rows)
    with path.open("rb") as file:
        sheet = read_rows(file, path.name)
    changes = check_rows(sheet, plan=find_or_build_plan("2025/26"))
    assert changes.errors == []
    return changes


@pytest.fixture
def as_manager(board_manager):
    """Saving inside a request by the board manager, as simple_history's middleware records it."""
    request = RequestFactory().get("/")
    request.user = board_manager
    HistoricalRecords.context.request = request
    yield board_manager
    del HistoricalRecords.context.request


def save_one_at_a_time(changes, *, reason: str):
    """How the import saved before: each object validated and saved, then its lead agencies set."""
    for change in sorted(changes.changes, key=lambda change: _SAVE_ORDER.index(type(change.instance))):
        _take_parent_ids(change.instance)
        change.instance.full_clean()
        change.instance._change_reason = reason
        change.instance.save()
        for name, objects in change.related.items():
            getattr(change.instance, name).set(objects)


def _described(instance: models.Model, fields) -> tuple:
    """An object's values, its relations by what they are called (ids differ between two ways of saving)."""
    values = []
    for field in fields:
        if field.name in _UNCOMPARED:
            continue
        if field.is_relation and field.name != "history_user":
            values.append((field.name, str(getattr(instance, field.name))))
        else:
            values.append((field.attname, getattr(instance, field.attname)))
    return tuple(values)


def written() -> dict:
    """Every row of the plan's models and of their history, with each action history row's lead agencies."""
    result = {}
    for model in (BusinessPlan, Agency, Aim, Objective, Action, ProgressRound, ProgressUpdate):
        result[model.__name__] = sorted(
            (_described(row, model._meta.concrete_fields) for row in model.objects.all()), key=repr
        )
        history = []
        for row in model.history.order_by("history_id"):
            described = _described(row, row._meta.concrete_fields)
            if model is Action:
                described += (tuple(sorted(str(item.agency) for item in row.lead_agencies.all())),)
            history.append(described)
        result[f"history of {model.__name__}"] = sorted(history, key=repr)
    return result


def test_a_new_plan_is_written_as_saving_each_object_wrote_it(tmp_path, as_manager):
    AgencyFactory(name="Fenbridge Police", short_name="Police")
    changes = checked(tmp_path, plan_rows(3))
    with transaction.atomic():
        save_one_at_a_time(changes, reason=REASON)
        one_at_a_time = written()
        transaction.set_rollback(True)

    apply_changes(checked(tmp_path, plan_rows(3)), reason=REASON)

    assert written() == one_at_a_time
    assert Action.history.filter(history_user=as_manager, history_change_reason=REASON).count() == 6
    assert sorted(str(agency) for agency in Action.objects.first().lead_agencies.all()) == ["Police", "Probation"]


def test_a_changed_action_gets_one_history_row_with_its_new_agencies_and_a_new_version(tmp_path, as_manager):
    AgencyFactory(name="Fenbridge Police", short_name="Police")
    AgencyFactory(name="Fenbridge Community Health", short_name="Health")
    apply_changes(checked(tmp_path, plan_rows(2)), reason=REASON)
    before = {action.ref: (action.version, action.history.count()) for action in Action.objects.all()}

    apply_changes(checked(tmp_path, plan_rows(2, text="Publish the audit", agencies="Health")), reason="Again")

    for action in Action.objects.all():
        version, history_rows = before[action.ref]
        latest = action.history.first()
        assert (action.text, action.version, action.history.count()) == (
            "Publish the audit",
            version + 1,
            history_rows + 1,
        )
        assert (latest.history_type, latest.history_user, latest.history_change_reason) == ("~", as_manager, "Again")
        assert [str(item.agency) for item in latest.lead_agencies.all()] == ["Health"]
        assert [str(agency) for agency in action.lead_agencies.all()] == ["Health"]


def test_reimporting_the_same_file_saves_nothing(tmp_path, as_manager):
    apply_changes(checked(tmp_path, plan_rows(3)), reason=REASON)
    stored = written()
    versions = {
        model.__name__: list(model.objects.order_by("pk").values_list("pk", "version"))
        for model in (Aim, Objective, Action, ProgressRound, ProgressUpdate)
    }
    updated_at = list(ProgressUpdate.objects.order_by("pk").values_list("updated_at", flat=True))

    changes = checked(tmp_path, plan_rows(3))
    apply_changes(changes, reason=REASON)

    assert changes.changes == []
    assert written() == stored
    assert {
        model.__name__: list(model.objects.order_by("pk").values_list("pk", "version"))
        for model in (Aim, Objective, Action, ProgressRound, ProgressUpdate)
    } == versions
    assert list(ProgressUpdate.objects.order_by("pk").values_list("updated_at", flat=True)) == updated_at


def test_a_clash_saved_after_the_check_leaves_nothing_written(tmp_path):
    apply_changes(checked(tmp_path, plan_rows(2)), reason=REASON)
    changes = checked(tmp_path, [*plan_rows(2), *plan_rows(4, agencies="Youth Justice")[2:]])
    # Someone adds action 2.1.3 after the check: aims, objectives and agencies are written before actions clash.
    ActionFactory(ref="2.1.3", objective=Objective.objects.get(ref="2.1"))
    before_clash = written()

    with pytest.raises(ValidationError, match="changed since the file was checked .* so nothing was imported"):
        apply_changes(changes, reason=REASON)

    assert written() == before_clash
    assert not Agency.objects.filter(name="Youth Justice").exists()


@pytest.mark.parametrize("actions", [2, 30])
def test_applying_a_new_plan_takes_the_same_queries_whatever_its_length(tmp_path, django_assert_num_queries, actions):
    changes = checked(tmp_path, plan_rows(actions))

    # A savepoint and its release; per model (plan, agencies, aims, objectives, actions, rounds, updates) the rows
    # and their history; the lead agencies read, written, read back for the actions' second history row and copied.
    with django_assert_num_queries(2 + 7 * 2 + 1 + 1 + 1 + 1 + 1):
        apply_changes(changes, reason=REASON)

    assert Action.objects.count() == actions


@pytest.mark.parametrize("actions", [2, 30])
def test_checking_a_new_plan_takes_the_same_queries_whatever_its_length(tmp_path, django_assert_num_queries, actions):
    path = write_csv(tmp_path / "plan.csv", plan_rows(actions))
    with path.open("rb") as file:
        sheet = read_rows(file, path.name)
    plan = find_or_build_plan("2025/26")

    # The plan's scale and its levels, and the agencies; no query a row, as uniqueness is checked in memory.
    with django_assert_num_queries(3):
        changes = check_rows(sheet, plan=plan)

    assert changes.errors == []


def test_two_rows_for_one_action_are_still_found_in_memory(tmp_path):
    rows = [*plan_rows(2), plan_rows(2)[1]]
    path = write_csv(tmp_path / "plan.csv", rows)

    assert "Row 4, action: Action 1.1.2 already has progress for December 2025 on row 3." in import_errors(path)


def test_confirming_an_upload_records_who_imported_which_file_in_every_history_row(manager_client, board_manager):
    upload = SimpleUploadedFile("board-plan.csv", _csv_bytes(plan_rows(3)))
    response = manager_client.post(UPLOAD_URL, {"file": upload, "plan": "", "new_title": "2025/26"})

    confirm(manager_client, response.url)

    for model in (BusinessPlan, Agency, Aim, Objective, Action, ProgressRound, ProgressUpdate):
        assert model.history.exists(), model
        people_and_reasons = set(model.history.values_list("history_user", "history_change_reason"))
        assert people_and_reasons == {(board_manager.pk, "Imported from board-plan.csv")}, model


def _csv_bytes(rows) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([HEADER, *rows])
    return out.getvalue().encode()


@pytest.mark.parametrize("actions", [2, 12])
def test_checking_a_new_round_of_progress_takes_the_same_queries_whatever_its_length(
    tmp_path, django_assert_num_queries, actions
):
    apply_changes(checked(tmp_path, plan_rows(actions)), reason=REASON)
    later = [row[:8] + ["March 2026", "Later progress", "amber"] for row in plan_rows(actions)]
    path = write_csv(tmp_path / "later.csv", later)
    with path.open("rb") as file:
        sheet = read_rows(file, path.name)
    plan = BusinessPlan.objects.with_scale().get()

    # Agencies, aims, objectives, actions, their lead agencies, rounds, updates, and the new round's date checked
    # in ProgressRound.clean(); no query to ask whether each new update's action exists, as it was just loaded.
    with django_assert_num_queries(8):
        changes = check_rows(sheet, plan=plan)

    assert changes.errors == []
    assert changes.counts(ProgressUpdate) == (actions, 0)
