import re
from datetime import date, datetime, timedelta
from http import HTTPStatus
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from objectives.models import Action, ProgressRound, ProgressUpdate
from objectives.selectors import rounds
from tests.factories import (
    ActionFactory,
    AgencyFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

State = ProgressUpdate.State


@pytest.fixture
def late_round(objective):
    """A round whose deadline was yesterday, whatever today is."""
    yesterday = timezone.localdate() - timedelta(days=1)
    return ProgressRoundFactory(plan=objective.plan, as_of=yesterday + timedelta(days=14), deadline=yesterday)


def action(objective, ref, *agencies, **fields):
    return ActionFactory(objective=objective, ref=ref, lead_agencies=list(agencies), **fields)


def update(action, progress_round, state, **fields):
    return ProgressUpdateFactory(action=action, round=progress_round, state=state, **fields)


def page(client, progress_round):
    response = client.get(reverse("objectives:round_detail", args=[progress_round.pk]))
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def one_of_each_state(objective, progress_round, agency):
    """Five actions led by agency: one missing, and one in each update state."""
    action(objective, "1.1.1", agency)
    for number, state in enumerate(State.values, start=2):
        update(action(objective, f"1.1.{number}", agency), progress_round, state)


# Closing and reopening


def test_closing_a_round_makes_it_closed_and_history_names_the_manager(manager_client, board_manager, march):
    response = manager_client.post(reverse("objectives:round_close", args=[march.pk]))

    march.refresh_from_db()
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("objectives:round_detail", args=[march.pk])
    assert march.is_closed
    assert march.history.first().history_user == board_manager


def test_closing_a_round_says_it_is_read_only(manager_client, march):
    response = manager_client.post(reverse("objectives:round_close", args=[march.pk]), follow=True)

    assert "Progress report March 2026 closed: its progress is now read-only." in response.content.decode()


def test_reopening_a_closed_round_opens_it_and_history_names_the_manager(manager_client, board_manager, march):
    march.closed_at = timezone.now()
    march.save()

    response = manager_client.post(reverse("objectives:round_reopen", args=[march.pk]), follow=True)

    march.refresh_from_db()
    assert not march.is_closed
    assert march.history.first().history_user == board_manager
    assert "Progress report March 2026 reopened" in response.content.decode()


def test_closing_a_closed_round_says_so_and_keeps_the_first_closing_time(manager_client, march):
    closed_at = timezone.now() - timedelta(days=3)
    march.closed_at = closed_at
    march.save()

    response = manager_client.post(reverse("objectives:round_close", args=[march.pk]), follow=True)

    march.refresh_from_db()
    assert march.closed_at == closed_at
    assert "Progress report March 2026 is already closed." in response.content.decode()


def test_reopening_an_open_round_says_it_is_already_open(manager_client, march):
    response = manager_client.post(reverse("objectives:round_reopen", args=[march.pk]), follow=True)

    assert "Progress report March 2026 is already open." in response.content.decode()


@pytest.mark.parametrize("persona", ["contributor_client", "reader_client"])
def test_only_the_board_manager_may_close_a_round(request, persona, march):
    client = request.getfixturevalue(persona)

    response = client.post(reverse("objectives:round_close", args=[march.pk]))

    march.refresh_from_db()
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not march.is_closed


@pytest.mark.parametrize("persona", ["contributor_client", "reader_client"])
def test_only_the_board_manager_may_reopen_a_round(request, persona, march):
    march.closed_at = timezone.now()
    march.save()
    client = request.getfixturevalue(persona)

    response = client.post(reverse("objectives:round_reopen", args=[march.pk]))

    march.refresh_from_db()
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert march.is_closed


def test_closing_a_round_needs_a_post_after_the_confirmation_page(manager_client, march):
    response = manager_client.get(reverse("objectives:round_close", args=[march.pk]))

    march.refresh_from_db()
    assert response.status_code == HTTPStatus.OK
    assert not march.is_closed


def test_closing_an_unknown_round_is_not_found(manager_client):
    response = manager_client.post(reverse("objectives:round_close", args=[999_999]))

    assert response.status_code == HTTPStatus.NOT_FOUND


# Which actions a round wants updates for, and their states


def test_round_wants_updates_for_open_actions_and_any_already_reported(objective, march, lead_agency):
    action(objective, "1.1.1", lead_agency)
    action(objective, "1.1.2", lead_agency, status=Action.Status.COMPLETED, completed_on=date(2026, 1, 5))
    reported = action(objective, "1.1.3", lead_agency, status=Action.Status.COMPLETED, completed_on=date(2026, 3, 2))
    update(reported, march, State.ACCEPTED)
    action(objective, "1.1.4", lead_agency, is_deleted=True)
    ActionFactory(lead_agencies=[lead_agency])  # another plan's action

    status = rounds.round_status(march, actions=Action.objects.all())

    assert [row.action.ref for row in status.rows] == ["1.1.1", "1.1.3"]


def test_round_status_counts_every_state_and_orders_refs_naturally(objective, march, lead_agency):
    one_of_each_state(objective, march, lead_agency)
    action(objective, "1.1.10", lead_agency)

    status = rounds.round_status(march, actions=Action.objects.all())

    assert [(count.label, count.number) for count in status.counts] == [
        ("Missing", 2),
        ("Draft", 1),
        ("Submitted", 1),
        ("Returned", 1),
        ("Accepted", 1),
    ]
    assert [row.action.ref for row in status.rows][-2:] == ["1.1.5", "1.1.10"]


def test_round_status_counts_each_lead_agency_separately(objective, march, lead_agency, other_agency):
    update(action(objective, "1.1.1", lead_agency, other_agency), march, State.SUBMITTED)
    action(objective, "1.1.2", lead_agency)

    status = rounds.round_status(march, actions=Action.objects.all())

    numbers = {str(agency.agency): {c.state: c.number for c in agency.counts} for agency in status.agencies}
    assert numbers["Police"] == {"missing": 1, "draft": 0, "submitted": 1, "returned": 0, "accepted": 0}
    assert numbers["Health"] == {"missing": 0, "draft": 0, "submitted": 1, "returned": 0, "accepted": 0}


def test_round_status_lists_agencies_by_the_name_people_use(objective, march):
    action(objective, "1.1.1", AgencyFactory(name="Eastmere Constabulary", short_name="Police"))
    action(objective, "1.1.2", AgencyFactory(name="NHS Eastmere Integrated Care Board", short_name="ICB"))

    status = rounds.round_status(march, actions=Action.objects.all())

    assert [str(agency.agency) for agency in status.agencies] == ["ICB", "Police"]


@pytest.mark.parametrize("state", [None, State.DRAFT, State.RETURNED])
def test_agency_is_late_once_the_deadline_has_passed_without_a_submitted_update(objective, march, lead_agency, state):
    waiting = action(objective, "1.1.1", lead_agency)
    if state:
        update(waiting, march, state)

    status = rounds.round_status(march, actions=Action.objects.all(), today=date(2026, 3, 14))

    assert status.agencies[0].is_late
    assert status.late_agencies == status.agencies


def test_agency_is_not_late_on_the_deadline_day(objective, march, lead_agency):
    action(objective, "1.1.1", lead_agency)

    status = rounds.round_status(march, actions=Action.objects.all(), today=date(2026, 3, 13))

    assert not status.agencies[0].is_late


@pytest.mark.parametrize("state", [State.SUBMITTED, State.ACCEPTED])
def test_agency_whose_updates_are_all_submitted_is_not_late(objective, march, lead_agency, state):
    update(action(objective, "1.1.1", lead_agency), march, state)

    status = rounds.round_status(march, actions=Action.objects.all(), today=date(2026, 4, 20))

    assert not status.agencies[0].is_late


def test_review_queue_holds_submitted_updates_longest_waiting_first(objective, march, lead_agency):
    now = timezone.now()
    update(action(objective, "1.1.1", lead_agency), march, State.SUBMITTED, submitted_at=now)
    update(action(objective, "1.1.2", lead_agency), march, State.SUBMITTED, submitted_at=now - timedelta(days=2))
    update(action(objective, "1.1.3", lead_agency), march, State.DRAFT)

    status = rounds.round_status(march, actions=Action.objects.all())

    assert [queued.action.ref for queued in status.review_queue] == ["1.1.2", "1.1.1"]


# The round page


def test_round_page_shows_the_round_its_dates_and_that_it_is_open(manager_client, march):
    content = page(manager_client, march)

    assert "<h1>Round: Progress report March 2026</h1>" in content
    assert "<title>Round: Progress report March 2026 – Business plan" in content
    assert "31 March 2026" in content
    assert "13 March 2026" in content
    assert "Open for updates" in content
    assert reverse("objectives:round_close", args=[march.pk]) in content
    assert reverse("objectives:round_reopen", args=[march.pk]) not in content


def test_round_page_of_a_closed_round_says_read_only_and_offers_reopen(manager_client, march):
    march.closed_at = timezone.now()
    march.save()

    content = page(manager_client, march)

    assert "Closed on" in content
    assert "read-only" in content
    assert reverse("objectives:round_reopen", args=[march.pk]) in content
    assert reverse("objectives:round_close", args=[march.pk]) not in content


def test_round_page_counts_each_state_in_words_and_numbers(manager_client, objective, march, lead_agency):
    one_of_each_state(objective, march, lead_agency)
    action(objective, "1.1.6", lead_agency)

    content = page(manager_client, march)

    counts = re.search(r'aria-labelledby="counts">(.*?)</section>', content, re.S).group(1)
    assert re.search(r">Missing</span> <strong>2</strong>", counts)
    for label in ["Draft", "Submitted", "Returned", "Accepted"]:
        assert re.search(rf">{label}</span> <strong>1</strong>", counts)


def test_round_page_names_late_agencies_in_words(manager_client, objective, late_round, lead_agency, other_agency):
    action(objective, "1.1.1", lead_agency)
    update(action(objective, "1.1.2", other_agency), late_round, State.SUBMITTED)

    content = page(manager_client, late_round)

    assert "still has actions without a submitted update: Police." in content
    police_row = re.search(
        r'<th scope="row"[^>]*>Police <span[^>]*>Fenbridge Police</span></th>(.*?)</tr>', content, re.S
    )
    health_row = re.search(
        r'<th scope="row"[^>]*>Health <span[^>]*>Fenbridge Community Health</span></th>(.*?)</tr>', content, re.S
    )
    assert "Late</strong>" in police_row.group(1)
    assert "Late</strong>" not in health_row.group(1)


def test_round_page_offers_a_remind_button_for_agencies_with_actions_waiting(
    manager_client, objective, march, lead_agency, other_agency
):
    action(objective, "1.1.1", lead_agency)
    update(action(objective, "1.1.2", other_agency), march, State.ACCEPTED)

    content = page(manager_client, march)

    assert reverse("objectives:round_remind_agency", args=[march.pk, lead_agency.pk]) in content
    assert "Remind Police</button>" in content
    assert reverse("objectives:round_remind_agency", args=[march.pk, other_agency.pk]) not in content


def test_round_page_lists_the_updates_to_review_with_a_link_to_each(
    manager_client, objective, march, lead_agency, contributor
):
    submitted = update(
        action(objective, "1.1.1", lead_agency),
        march,
        State.SUBMITTED,
        submitted_by=contributor,
        submitted_at=datetime(2026, 3, 10, 14, 30, tzinfo=ZoneInfo("Europe/London")),
    )

    content = page(manager_client, march)

    queue = re.search(r'aria-labelledby="queue">(.*?)</section>', content, re.S).group(1)
    assert re.search(r'<th scope="row"[^>]*>1.1.1</th>', queue)
    assert "Police" in queue
    assert contributor.get_full_name() in queue
    assert "10 March 2026, 14:30" in queue
    assert reverse("objectives:progress_review", args=[submitted.pk]) in queue


def test_round_page_lists_every_action_with_its_state_and_lead_agencies(
    manager_client, objective, march, lead_agency, other_agency
):
    update(action(objective, "1.1.1", lead_agency, other_agency, text="Audit strategy discussions"), march, "returned")

    content = page(manager_client, march)

    actions_table = re.search(r'aria-labelledby="actions">(.*?)</section>', content, re.S).group(1)
    assert "Audit strategy discussions" in actions_table
    assert "Health, Police" in actions_table
    assert ">Returned</span>" in actions_table


def test_round_page_never_shows_the_text_of_an_update(manager_client, objective, march, lead_agency):
    update(action(objective, "1.1.1", lead_agency), march, State.DRAFT, progress="Draft words not yet submitted")

    content = page(manager_client, march)

    assert "Draft words not yet submitted" not in content


def test_readers_see_the_states_but_no_review_queue_or_buttons(reader_client, objective, march, lead_agency):
    update(action(objective, "1.1.1", lead_agency), march, State.SUBMITTED)

    content = page(reader_client, march)

    assert ">Submitted</span>" in content
    assert "Updates to review" not in content
    assert reverse("objectives:round_close", args=[march.pk]) not in content
    assert "Remind Police" not in content


def test_contributors_see_only_their_own_agencies_in_the_round(
    contributor_client, objective, march, lead_agency, other_agency
):
    action(objective, "1.1.1", lead_agency, text="Police action")
    action(objective, "1.1.2", other_agency, text="Health action")

    content = page(contributor_client, march)

    assert "Police action" in content
    assert "Health action" not in content
    assert "Fenbridge Community Health" not in content
    assert "Updates to review" not in content
    assert reverse("objectives:my_actions") in content


def test_round_page_of_an_unknown_round_is_not_found(manager_client):
    response = manager_client.get(reverse("objectives:round_detail", args=[999_999]))

    assert response.status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("count", [5, 40])
def test_round_page_queries_do_not_grow_with_actions(
    manager_client, objective, march, lead_agency, other_agency, contributor, count, django_assert_num_queries
):
    for number in range(1, count + 1):
        led = action(objective, f"1.1.{number}", lead_agency, other_agency)
        if number % 2:
            update(led, march, State.SUBMITTED, submitted_by=contributor, submitted_at=timezone.now())

    # session, user, the user's and the groups' permissions, the round with its plan,
    # the actions, their lead agencies, the round's updates with who submitted them, the reminders sent (none)
    with django_assert_num_queries(8):
        page(manager_client, march)


def test_round_page_for_a_contributor_adds_one_query_for_their_agencies(
    contributor_client, objective, march, lead_agency, django_assert_num_queries
):
    for number in range(1, 6):
        action(objective, f"1.1.{number}", lead_agency)

    # the manager's nine but the reminders (the manager's alone), and the contributor's agencies
    with django_assert_num_queries(8):
        page(contributor_client, march)


def test_a_new_agency_with_no_actions_in_the_round_is_not_listed(manager_client, objective, march, lead_agency):
    action(objective, "1.1.1", lead_agency)
    AgencyFactory(name="Eastmere Youth Justice Service")

    content = page(manager_client, march)

    assert "Eastmere Youth Justice Service" not in content


def test_round_page_is_forbidden_to_people_without_a_role(client, march):
    client.force_login(UserFactory(username="nobody"))

    response = client.get(reverse("objectives:round_detail", args=[march.pk]))

    assert response.status_code == HTTPStatus.FORBIDDEN


def test_closing_is_recorded_in_the_rounds_history_as_a_change(manager_client, march):
    manager_client.post(reverse("objectives:round_close", args=[march.pk]))

    latest = ProgressRound.history.filter(id=march.pk).first()
    assert latest.history_type == "~"
    assert latest.closed_at is not None
