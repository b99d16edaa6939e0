""" "Remind all late agencies" on the round page, and who was reminded when, by whom."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from objectives.models import EmailLog, ProgressUpdate, ReminderLog
from tests.factories import ActionFactory, AgencyFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db

State = ProgressUpdate.State


@pytest.fixture
def done_agency(objective, progress_round):
    """An agency whose only action is submitted: not late, so not reminded."""
    agency = AgencyFactory(name="Fenbridge Probation", short_name="Probation")
    action = ActionFactory(objective=objective, ref="1.1.3", lead_agencies=[agency])
    ProgressUpdateFactory(action=action, round=progress_round, state=State.SUBMITTED)
    return agency


@pytest.fixture
def probation_officer(done_agency):
    from objectives import roles
    from tests.factories import UserFactory

    user = UserFactory(username="probation", roles=[roles.AGENCY_CONTRIBUTORS])
    done_agency.members.add(user)
    return user


def remind_all(client, progress_round):
    return client.post(reverse("objectives:round_remind_late", args=[progress_round.pk]), follow=True)


def test_remind_all_reminds_exactly_the_agencies_with_actions_waiting(
    manager_client,
    board_manager,
    contributor,
    colleague,
    other_contributor,
    probation_officer,
    police_action,
    health_action,
    progress_round,
    mailoutbox,
):
    response = remind_all(manager_client, progress_round)

    assert sorted(message.to for message in mailoutbox) == [
        ["colleague@example.org"],
        ["contributor@example.org"],
        ["other.contributor@example.org"],
    ]
    reminded = ReminderLog.objects.filter(round=progress_round, reason="by_manager", sent_by=board_manager)
    assert set(reminded.values_list("user__username", flat=True)) == {"colleague", "contributor", "other.contributor"}
    assert EmailLog.objects.filter(kind="reminder", status="sent").count() == 3
    assert "Reminder e-mailed to 3 people: " in response.content.decode()


def test_the_round_page_shows_who_was_reminded_when_and_by_whom(
    manager_client, contributor, police_action, progress_round
):
    remind_all(manager_client, progress_round)

    response = manager_client.get(reverse("objectives:round_detail", args=[progress_round.pk]))

    content = response.content.decode()
    assert '<h2 id="reminders" class="h4">Reminders sent</h2>' in content
    row = content[content.index('data-label="To">Pat Officer</th>') :]
    assert 'data-label="Agency">Police</td>' in row
    assert 'data-label="Why">Sent by the board manager</td>' in row
    assert 'data-label="Sent by">Morgan Manager</td>' in row


def test_the_round_page_offers_remind_all_only_while_agencies_have_actions_waiting(
    manager_client, police_action, progress_round, contributor
):
    url = reverse("objectives:round_detail", args=[progress_round.pk])
    before = manager_client.get(url).content.decode()
    ProgressUpdateFactory(action=police_action, round=progress_round, state=State.SUBMITTED)

    after = manager_client.get(url).content.decode()

    assert ">Remind all late agencies</button>" in before
    assert ">Remind all late agencies</button>" not in after
    assert "Nobody has been reminded about this round yet." in after


def test_remind_all_with_nothing_waiting_says_so_and_sends_nothing(
    manager_client, police_action, progress_round, mailoutbox
):
    ProgressUpdateFactory(action=police_action, round=progress_round, state=State.SUBMITTED)

    response = remind_all(manager_client, progress_round)

    assert "No agency has actions waiting for an update in Progress report December 2025." in (
        response.content.decode()
    )
    assert mailoutbox == []


@pytest.mark.parametrize("persona", ["contributor_client", "reader_client"])
def test_only_the_board_manager_may_remind_all_or_see_the_reminders(
    request, persona, police_action, progress_round, contributor, mailoutbox
):
    client = request.getfixturevalue(persona)

    response = client.post(reverse("objectives:round_remind_late", args=[progress_round.pk]))
    page = client.get(reverse("objectives:round_detail", args=[progress_round.pk])).content.decode()

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert mailoutbox == []
    assert "Remind all late agencies" not in page
    assert "Reminders sent" not in page


def test_the_round_page_queries_do_not_grow_with_reminders(
    manager_client, board_manager, contributor, colleague, police_action, progress_round, django_assert_num_queries
):
    for user in (contributor, colleague, board_manager):
        ReminderLog.objects.create(user=user, round=progress_round, reason="by_manager", sent_by=board_manager)
    url = reverse("objectives:round_detail", args=[progress_round.pk])

    # session, user, the user's own and group permissions, the round and plan, the wanted actions, their lead
    # agencies, their updates, the reminders with their people and senders, and those people's agencies
    with django_assert_num_queries(9):
        manager_client.get(url)
    ReminderLog.objects.create(user=colleague, round=progress_round, reason="by_manager", sent_by=board_manager)
    with django_assert_num_queries(9):
        response = manager_client.get(url)

    assert response.status_code == HTTPStatus.OK
