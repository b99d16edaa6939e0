"""The round workflow through the pages: draft → submitted → accepted, or returned and resubmitted."""

from datetime import date
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from objectives.models import ProgressUpdate
from tests.factories import ActionFactory, ProgressRoundFactory, ProgressUpdateFactory, UserFactory

pytestmark = pytest.mark.django_db

State = ProgressUpdate.State


@pytest.fixture
def agency_client(contributor):
    client = Client()
    client.force_login(contributor)
    return client


@pytest.fixture
def manager(board_manager):
    client = Client()
    client.force_login(board_manager)
    return client


@pytest.fixture
def action(lead_agency):
    return ActionFactory(ref="1.1.1", objective__ref="1.1", objective__aim__number=1, lead_agencies=[lead_agency])


@pytest.fixture
def december(action):
    return ProgressRoundFactory(plan=action.plan, as_of=date(2025, 12, 31))


def edit_url(action, progress_round):
    return reverse("objectives:progress_edit", args=[action.pk, progress_round.pk])


def review_url(update):
    return reverse("objectives:progress_review", args=[update.pk])


def report_url(progress_round):
    return reverse("objectives:report", args=[progress_round.plan_id, progress_round.pk])


def submitted(action, progress_round, **fields):
    return ProgressUpdateFactory(action=action, round=progress_round, state=State.SUBMITTED, **fields)


def review(update, intent, **fields):
    return {"rag": update.rag, "progress": update.progress, "impact": update.impact, "return_comment": "",
            "version": str(update.version), "intent": intent, **fields}  # fmt: skip


def test_an_update_goes_from_the_agency_to_the_committee_report(agency_client, manager, action, december):
    write = {"rag": "amber", "impact": "Repeat referrals down from 24% to 17%."}
    agency_client.post(
        edit_url(action, december), {**write, "progress": "Audit begun.", "version": "", "intent": "save"}
    )
    agency_client.post(
        edit_url(action, december), {**write, "progress": "Audit done.", "version": "1", "intent": "submit"}
    )
    update = ProgressUpdate.objects.get()
    assert update.state == State.SUBMITTED
    assert "Audit done." not in manager.get(report_url(december)).content.decode()

    manager.post(review_url(update), review(update, "accept", progress="Audit of 40 cases done."))

    update.refresh_from_db()
    assert (update.state, update.progress) == (State.ACCEPTED, "Audit of 40 cases done.")
    report = manager.get(report_url(december)).content.decode()
    assert "Audit of 40 cases done." in report
    assert "Audit done." not in report


def test_a_returned_update_goes_back_with_the_comment_and_can_be_resubmitted(agency_client, manager, action, december):
    update = submitted(action, december, progress="Audit done.")

    manager.post(review_url(update), review(update, "return", return_comment="How many cases?"))
    page = agency_client.get(edit_url(action, december)).content.decode()
    agency_client.post(
        edit_url(action, december),
        {"rag": "green", "progress": "Audit of 40 cases done.", "impact": "", "version": "2", "intent": "submit"},
    )

    assert "<p>How many cases?</p>" in page
    assert "Submit to the board manager</button>" in page
    update.refresh_from_db()
    assert (update.state, update.progress, update.return_comment) == (
        State.SUBMITTED,
        "Audit of 40 cases done.",
        "How many cases?",
    )


def test_returning_without_a_comment_says_so_and_changes_nothing(manager, action, december):
    update = submitted(action, december)

    response = manager.post(review_url(update), review(update, "return", return_comment="  "))

    assert response.status_code == HTTPStatus.OK
    assert "Say what the agency needs to change before you return it." in response.content.decode()
    update.refresh_from_db()
    assert update.state == State.SUBMITTED


def test_returning_keeps_the_agency_text_even_if_the_manager_edited_it(manager, action, december):
    update = submitted(action, december, progress="Agency words.")

    manager.post(review_url(update), review(update, "return", progress="Manager's draft.", return_comment="Redo."))

    update.refresh_from_db()
    assert (update.state, update.progress) == (State.RETURNED, "Agency words.")


def test_the_managers_edits_are_accepted_and_the_agencys_words_stay_in_history(
    agency_client, manager, action, december
):
    update = submitted(action, december, progress="Agency words.", rag="green")

    manager.post(review_url(update), review(update, "accept", progress="Manager's words.", rag="amber"))

    history = manager.get(action.get_absolute_url()).context["history"]
    accepted = history[0]
    assert accepted.summary == "Progress for Progress report December 2025 accepted"
    assert accepted.who == "Morgan Manager"
    changes = {change.field: (change.old, change.new) for change in accepted.changes}
    assert changes["Progress"] == ("Agency words.", "Manager's words.")
    assert changes["Rating"] == ("Green", "Amber")
    # The lead agency sees the same history, their own words included.
    agency_history = agency_client.get(action.get_absolute_url()).context["history"]
    assert ("Agency words.", "Manager's words.") in [(c.old, c.new) for c in agency_history[0].changes]


def test_accepting_goes_to_the_next_submitted_update_of_the_round(manager, action, december):
    later = ActionFactory(objective=action.objective, ref="1.1.2")
    elsewhere = ActionFactory(objective=action.objective, ref="1.1.3")
    first = submitted(action, december)
    following = submitted(later, december)
    submitted(elsewhere, ProgressRoundFactory(plan=action.plan, as_of=date(2025, 9, 30)))

    response = manager.post(review_url(first), review(first, "accept"))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == review_url(following)


def test_the_last_review_of_a_round_goes_to_the_round_page(manager, action, december):
    update = submitted(action, december)

    response = manager.post(review_url(update), review(update, "return", return_comment="Add figures."))

    assert response.url == reverse("objectives:round_detail", args=[december.pk])


def test_review_page_shows_the_submission_editable_with_both_buttons(manager, action, december):
    update = submitted(action, december, progress="Agency words.", submitted_by=UserFactory(first_name="Pat"))
    ProgressUpdateFactory(action=ActionFactory(objective=action.objective), round=december, state=State.SUBMITTED)

    response = manager.get(review_url(update))

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<h1>Review progress for Progress report December 2025</h1>" in content
    assert "Agency words.</textarea>" in content
    assert '<button type="submit" name="intent" value="accept" class="btn btn-primary">Accept</button>' in content
    assert "Return to the agency</button>" in content
    assert 'for="id_return_comment"' in content
    assert "1 more submitted update waiting in Progress report December 2025." in content


@pytest.mark.parametrize(
    ("state", "note"),
    [
        (State.DRAFT, "This update is a draft: the agency has not submitted it yet."),
        (State.RETURNED, "This update was returned to the agency and has not been resubmitted yet."),
        (State.ACCEPTED, "This update has been accepted."),
    ],
)
def test_review_page_for_an_update_not_waiting_is_read_only(manager, action, december, state, note):
    update = ProgressUpdateFactory(action=action, round=december, state=state)

    response = manager.get(review_url(update))
    post = manager.post(review_url(update), review(update, "accept"))

    assert note in response.content.decode()
    assert "Return to the agency</button>" not in response.content.decode()
    assert note in post.content.decode()
    assert "Your text, not saved" in post.content.decode()
    update.refresh_from_db()
    assert update.state == state


def test_review_in_a_closed_round_is_read_only_and_changes_nothing(manager, action):
    closed = ProgressRoundFactory(plan=action.plan, as_of=date(2025, 12, 31), closed_at=timezone.now())
    update = submitted(action, closed)

    page = manager.get(review_url(update)).content.decode()
    manager.post(review_url(update), review(update, "accept"))

    assert "Progress report December 2025 is closed: its progress can no longer be changed." in page
    update.refresh_from_db()
    assert update.state == State.SUBMITTED


def test_review_without_a_button_says_what_to_do(manager, action, december):
    update = submitted(action, december)

    response = manager.post(review_url(update), review(update, "delete"))

    assert "Choose Accept or Return to the agency." in response.content.decode()


def test_an_unknown_update_is_not_found(manager):
    assert manager.get(reverse("objectives:progress_review", args=[999])).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("waiting", [1, 8])
def test_review_page_queries_do_not_grow_with_the_queue(manager, action, december, waiting, django_assert_num_queries):
    update = submitted(action, december, submitted_by=UserFactory(), author=UserFactory())
    for _ in range(waiting):
        submitted(ActionFactory(objective=action.objective), december)

    # session, user, the user's and their groups' permissions, the update with its action, objective,
    # plan and its rating scale, round and people, the action's lead agencies, the scale's levels, the count of
    # others waiting
    with django_assert_num_queries(7):
        response = manager.get(review_url(update))

    assert response.context["waiting"] == waiting
