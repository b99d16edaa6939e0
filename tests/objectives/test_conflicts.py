"""No lost updates: when two people edit the same thing at once, the second save is refused and shown why."""

import threading
import time
from datetime import date
from http import HTTPStatus

import pytest
from django.db import connection, connections, transaction
from django.test import Client
from django.urls import reverse

from objectives import roles
from objectives.models import Action, ProgressUpdate
from objectives.services import conflicts, progress
from tests.factories import ActionFactory, AgencyFactory, ProgressRoundFactory, ProgressUpdateFactory, UserFactory

State = ProgressUpdate.State


@pytest.fixture
def action(lead_agency):
    return ActionFactory(ref="1.1.1", objective__ref="1.1", objective__aim__number=1, lead_agencies=[lead_agency])


@pytest.fixture
def december(action):
    return ProgressRoundFactory(plan=action.plan, as_of=date(2025, 12, 31))


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def colleague(agency, username, first_name):
    user = UserFactory(username=username, first_name=first_name, last_name="Officer", roles=[roles.AGENCY_CONTRIBUTORS])
    agency.members.add(user)
    return user


def form_data(response, **changes) -> dict:
    """What the browser would send back: the loaded form's values, with this person's changes."""
    form = response.context["form"]
    data = {name: form[name].value() for name in form.fields}
    return {key: "" if value is None else value for key, value in {**data, **changes}.items()}


@pytest.mark.django_db
def test_a_second_save_of_an_update_is_refused_and_shows_what_the_first_saved(action, december, lead_agency):
    ProgressUpdateFactory(action=action, round=december, state=State.DRAFT, progress="Original.")
    url = reverse("objectives:progress_edit", args=[action.pk, december.pk])
    alex, sam = signed_in(colleague(lead_agency, "alex", "Alex")), signed_in(colleague(lead_agency, "sam", "Sam"))
    alex_form, sam_form = alex.get(url), sam.get(url)

    first = alex.post(url, form_data(alex_form, rag="amber", progress="Alex's words.", intent="save"))
    second = sam.post(url, form_data(sam_form, rag="red", progress="Sam's words.", intent="save"))

    content = second.content.decode()
    assert first.status_code == HTTPStatus.FOUND
    assert second.status_code == HTTPStatus.OK
    assert "Alex Officer saved this update while you were editing it" in content
    assert "<p>Alex&#x27;s words.</p>" in content
    assert '<span class="rag rag-amber">Amber</span>' in content
    assert "Sam&#x27;s words.</textarea>" in content
    assert ProgressUpdate.objects.get().progress == "Alex's words."


@pytest.mark.django_db
def test_after_a_conflict_the_second_person_can_save_their_merged_text(action, december, lead_agency):
    ProgressUpdateFactory(action=action, round=december, state=State.DRAFT, progress="Original.")
    url = reverse("objectives:progress_edit", args=[action.pk, december.pk])
    alex, sam = signed_in(colleague(lead_agency, "alex", "Alex")), signed_in(colleague(lead_agency, "sam", "Sam"))
    alex_form, sam_form = alex.get(url), sam.get(url)
    alex.post(url, form_data(alex_form, progress="Alex's words.", intent="save"))
    refused = sam.post(url, form_data(sam_form, progress="Sam's words.", intent="save"))

    merged = sam.post(url, form_data(refused, progress="Alex's words. Sam's words.", intent="save"))

    assert merged.status_code == HTTPStatus.FOUND
    assert ProgressUpdate.objects.get().progress == "Alex's words. Sam's words."


@pytest.mark.django_db
def test_two_people_writing_the_first_update_at_once_cannot_both_create_it(action, december, lead_agency):
    url = reverse("objectives:progress_edit", args=[action.pk, december.pk])
    alex, sam = signed_in(colleague(lead_agency, "alex", "Alex")), signed_in(colleague(lead_agency, "sam", "Sam"))
    alex_form, sam_form = alex.get(url), sam.get(url)

    alex.post(url, form_data(alex_form, rag="green", progress="Alex first.", intent="save"))
    second = sam.post(url, form_data(sam_form, rag="green", progress="Sam second.", intent="save"))

    content = second.content.decode()
    assert "Alex Officer saved this update while you were editing it" in content
    assert "<p>Alex first.</p>" in content
    assert "Sam second.</textarea>" in content
    assert list(ProgressUpdate.objects.values_list("progress", flat=True)) == ["Alex first."]


@pytest.mark.django_db
def test_a_submission_made_while_a_teammate_edits_keeps_their_text_to_copy(action, december, lead_agency):
    ProgressUpdateFactory(action=action, round=december, state=State.DRAFT, progress="Original.")
    url = reverse("objectives:progress_edit", args=[action.pk, december.pk])
    alex, sam = signed_in(colleague(lead_agency, "alex", "Alex")), signed_in(colleague(lead_agency, "sam", "Sam"))
    alex_form, sam_form = alex.get(url), sam.get(url)

    alex.post(url, form_data(alex_form, progress="Alex submitted.", intent="submit"))
    second = sam.post(url, form_data(sam_form, progress="Sam's late words.", intent="save"))

    content = second.content.decode()
    assert "<p>Alex submitted.</p>" in content
    assert "Sam&#x27;s late words.</textarea>" in content
    assert "can no longer be changed here" in content
    assert ProgressUpdate.objects.get().state == State.SUBMITTED


@pytest.mark.django_db
def test_a_review_of_an_update_changed_since_it_was_opened_is_refused(action, december, lead_agency, board_manager):
    update = ProgressUpdateFactory(action=action, round=december, state=State.SUBMITTED, progress="As sent.")
    url = reverse("objectives:progress_review", args=[update.pk])
    manager = signed_in(board_manager)
    other_manager = signed_in(
        UserFactory(username="deputy", first_name="Dee", last_name="Deputy", roles=[roles.BOARD_MANAGERS])
    )
    manager_form, other_form = manager.get(url), other_manager.get(url)
    other_manager.post(url, form_data(other_form, return_comment="Add figures.", intent="return"))

    response = manager.post(url, form_data(manager_form, progress="Accepted text.", intent="accept"))

    content = response.content.decode()
    assert "Dee Deputy saved this update while you were editing it" in content
    assert "Accepted text.</textarea>" in content
    update.refresh_from_db()
    assert (update.state, update.progress) == (State.RETURNED, "As sent.")


@pytest.mark.django_db
def test_a_second_save_of_an_action_is_refused_and_shows_what_the_first_saved(action, board_manager):
    url = reverse("objectives:action_update", args=[action.pk])
    health = AgencyFactory(name="Fenbridge Community Health", short_name="Health")
    morgan = signed_in(board_manager)
    dee = signed_in(UserFactory(username="deputy", first_name="Dee", last_name="Deputy", roles=[roles.BOARD_MANAGERS]))
    morgan_form, dee_form = morgan.get(url), dee.get(url)

    first = morgan.post(url, form_data(morgan_form, text="Morgan's wording.", lead_agencies=[health.pk]))
    second = dee.post(url, form_data(dee_form, text="Dee's wording.", target="March 2026"))

    content = second.content.decode()
    assert first.status_code == HTTPStatus.FOUND
    assert second.status_code == HTTPStatus.OK
    assert "Morgan Manager saved this action while you were editing it" in content
    assert "Morgan&#x27;s wording." in content
    assert "<dd>Fenbridge Community Health</dd>" in content
    assert "Dee&#x27;s wording.</textarea>" in content
    assert 'value="March 2026"' in content
    action.refresh_from_db()
    assert (action.text, action.target_on, action.version) == ("Morgan's wording.", None, 2)


@pytest.mark.django_db
def test_after_an_action_conflict_saving_again_goes_through(action, board_manager):
    url = reverse("objectives:action_update", args=[action.pk])
    morgan = signed_in(board_manager)
    dee = signed_in(UserFactory(username="deputy", roles=[roles.BOARD_MANAGERS]))
    morgan_form, dee_form = morgan.get(url), dee.get(url)
    morgan.post(url, form_data(morgan_form, text="Morgan's wording."))
    refused = dee.post(url, form_data(dee_form, text="Dee's wording."))

    merged = dee.post(url, form_data(refused, text="Both wordings."))

    assert merged.status_code == HTTPStatus.FOUND
    action.refresh_from_db()
    assert (action.text, action.version) == ("Both wordings.", 3)


# Truly at once: two database connections, on PostgreSQL, where rows are really locked.


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs row locks and concurrent connections")
# Serialized rollback: it starts from the migrated rows whatever transactional test flushed them before.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_first_updates_committed_at_once_end_in_one_update_and_a_conflict(lead_agency):
    action = ActionFactory(lead_agencies=[lead_agency])
    progress_round = ProgressRoundFactory(plan=action.plan)
    alex, sam = colleague(lead_agency, "alex", "Alex"), colleague(lead_agency, "sam", "Sam")
    first_written, release = threading.Event(), threading.Event()
    outcome = {}

    def write(author, name, hold):
        try:
            # The outer transaction holds the first writer's new row uncommitted until released.
            with transaction.atomic():
                progress.save_progress(
                    action=action, progress_round=progress_round, author=author, rag="green",
                    progress=f"{name}'s words.", impact="", expected_version=None,
                )  # fmt: skip
                if hold:
                    first_written.set()
                    release.wait(timeout=10)
            outcome[name] = "saved"
        except conflicts.ConflictError as conflict:
            outcome[name] = conflict.saved.progress
        finally:
            connections.close_all()

    first = threading.Thread(target=write, args=(alex, "Alex", True))
    first.start()
    assert first_written.wait(timeout=10)
    second = threading.Thread(target=write, args=(sam, "Sam", False))
    second.start()
    # Wait until the second insert is blocked on the first's uncommitted row, then let the first commit.
    _wait_for_a_blocked_query()
    release.set()
    first.join(timeout=10)
    second.join(timeout=10)

    assert outcome == {"Alex": "saved", "Sam": "Alex's words."}
    assert list(ProgressUpdate.objects.values_list("progress", flat=True)) == ["Alex's words."]


def _wait_for_a_blocked_query(timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.05)
    raise AssertionError("The second writer never waited for the first")


@pytest.mark.django_db
def test_an_action_saved_without_a_version_is_treated_as_stale(action, board_manager):
    url = reverse("objectives:action_update", args=[action.pk])

    response = signed_in(board_manager).post(url, {"ref": "1.1.1", "text": "No version.", "status": "open"})

    assert "saved this action while you were editing it" in response.content.decode()
    assert Action.objects.get(pk=action.pk).text != "No version."
