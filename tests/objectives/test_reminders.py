import smtplib
from datetime import date
from http import HTTPStatus
from io import StringIO

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from objectives import roles
from objectives.models import ProgressUpdate, ReminderLog
from objectives.services import reminders
from tests.factories import ActionFactory, ObjectiveFactory, ProgressRoundFactory, ProgressUpdateFactory, UserFactory

pytestmark = pytest.mark.django_db

State = ProgressUpdate.State
Reason = ReminderLog.Reason
DEADLINE = date(2026, 3, 13)
BEFORE = date(2026, 3, 6)  # seven days before the deadline
AFTER = date(2026, 3, 14)


class RefusingBackend(BaseEmailBackend):
    """An e-mail server that refuses every message."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture(autouse=True)
def _reminder_settings(settings):
    settings.REMINDER_DAYS_BEFORE_DEADLINE = 7
    settings.BOARD_NAME = "Eastmere Safeguarding Children Partnership"


def member(agency, username, role=roles.AGENCY_CONTRIBUTORS, **fields):
    """A person in an agency, joined from the agency's side (UserFactory(agencies=...) trips its history)."""
    user = UserFactory(username=username, roles=[role], **fields)
    agency.members.add(user)
    return user


@pytest.fixture
def contributor(lead_agency):
    return member(lead_agency, "contributor", first_name="Daniel", last_name="Okonedo")


@pytest.fixture
def other_contributor(other_agency):
    return member(other_agency, "other.contributor", first_name="Fiona", last_name="Trelawney")


@pytest.fixture
def objective():
    return ObjectiveFactory(ref="1.1", aim__number=1)


@pytest.fixture
def march(objective):
    return ProgressRoundFactory(plan=objective.plan, as_of=date(2026, 3, 31), deadline=DEADLINE)


def action(objective, ref, *agencies, **fields):
    return ActionFactory(objective=objective, ref=ref, lead_agencies=list(agencies), **fields)


def update(action, progress_round, state, **fields):
    return ProgressUpdateFactory(action=action, round=progress_round, state=state, **fields)


def send(today, **options):
    return reminders.send_due_reminders(today=today, **options)


# When the scheduled reminders are due


@pytest.mark.parametrize(
    ("today", "reason"),
    [
        (date(2026, 3, 5), None),
        (date(2026, 3, 6), Reason.BEFORE_DEADLINE),
        (date(2026, 3, 12), Reason.BEFORE_DEADLINE),
        (date(2026, 3, 13), None),
        (date(2026, 3, 14), Reason.AFTER_DEADLINE),
        (date(2026, 5, 1), Reason.AFTER_DEADLINE),
    ],
)
def test_reminders_are_due_from_seven_days_before_the_deadline_and_from_the_day_after(march, today, reason):
    assert reminders.due_reason(march, today) == reason


def test_the_days_before_the_deadline_come_from_the_settings(march, settings):
    settings.REMINDER_DAYS_BEFORE_DEADLINE = 3

    assert reminders.due_reason(march, date(2026, 3, 9)) is None
    assert reminders.due_reason(march, date(2026, 3, 10)) == Reason.BEFORE_DEADLINE


def test_closed_rounds_and_rounds_without_a_deadline_are_never_due(objective, march):
    march.closed_at = timezone.now()
    no_deadline = ProgressRoundFactory(plan=objective.plan, as_of=date(2026, 6, 30), deadline=None)

    assert reminders.due_reason(march, AFTER) is None
    assert reminders.due_reason(no_deadline, AFTER) is None


def test_no_email_before_the_reminder_is_due(objective, march, lead_agency, contributor, mailoutbox):
    action(objective, "1.1.1", lead_agency)

    run = send(date(2026, 3, 5))

    assert run.sent == []
    assert mailoutbox == []


def test_a_contributor_with_an_action_waiting_is_emailed_before_the_deadline(
    objective, march, lead_agency, contributor, mailoutbox
):
    action(objective, "1.1.1", lead_agency)

    send(BEFORE)

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["contributor@example.org"]
    assert mailoutbox[0].subject == "Eastmere Safeguarding Children Partnership: progress due by 13 March 2026"
    assert ReminderLog.objects.get().reason == Reason.BEFORE_DEADLINE


def test_a_missed_day_is_caught_up_by_the_next_run(objective, march, lead_agency, contributor, mailoutbox):
    action(objective, "1.1.1", lead_agency)

    send(date(2026, 3, 10))

    assert len(mailoutbox) == 1


def test_running_twice_sends_the_same_reminder_once(objective, march, lead_agency, contributor, mailoutbox):
    action(objective, "1.1.1", lead_agency)

    send(BEFORE)
    second = send(date(2026, 3, 7))

    assert len(mailoutbox) == 1
    assert second.sent == []
    assert ReminderLog.objects.count() == 1


def test_the_day_after_the_deadline_brings_a_second_reminder(objective, march, lead_agency, contributor, mailoutbox):
    action(objective, "1.1.1", lead_agency)

    send(BEFORE)
    send(AFTER)
    send(date(2026, 3, 20))

    assert len(mailoutbox) == 2
    assert mailoutbox[1].subject == "Eastmere Safeguarding Children Partnership: progress was due by 13 March 2026"
    assert "The deadline for Progress report March 2026 (as of 31 March 2026) was 13 March 2026." in mailoutbox[1].body
    assert set(ReminderLog.objects.values_list("reason", flat=True)) == {Reason.BEFORE_DEADLINE, Reason.AFTER_DEADLINE}


def test_one_email_lists_all_of_a_persons_waiting_actions_with_links(
    objective, march, lead_agency, other_agency, contributor, mailoutbox
):
    first = action(objective, "1.1.1", lead_agency, text="Audit strategy discussions")
    second = action(objective, "1.1.10", lead_agency, other_agency, text="Publish a quarterly briefing")
    update(second, march, State.RETURNED, return_comment="Please add the figures.")
    third = action(objective, "1.1.2", lead_agency, text="Agree a dataset")
    update(third, march, State.DRAFT)

    send(BEFORE, base_url="https://scp.example.org/")

    body = mailoutbox[0].body
    assert len(mailoutbox) == 1
    assert "These 3 actions, which your agency leads, do not have a submitted update yet:" in body
    assert body.index("Action 1.1.1:") < body.index("Action 1.1.2:") < body.index("Action 1.1.10:")
    assert "Audit strategy discussions" in body
    assert "No update yet." in body
    assert "A draft, not yet submitted." in body
    assert "Returned by the board manager: Please add the figures." in body
    assert f"https://scp.example.org/actions/{first.pk}/progress/{march.pk}/" in body
    assert "https://scp.example.org/my-actions/" in body


def test_the_email_greets_the_person_and_keeps_apostrophes_plain(
    objective, march, lead_agency, contributor, mailoutbox
):
    action(objective, "1.1.1", lead_agency, text="Check the children's views are recorded")

    send(BEFORE)

    assert mailoutbox[0].body.startswith("Dear Daniel,\n")
    assert "children's views" in mailoutbox[0].body


def test_links_default_to_the_local_development_address(objective, march, lead_agency, contributor, mailoutbox):
    waiting = action(objective, "1.1.1", lead_agency)

    send(BEFORE)

    assert f"http://127.0.0.1:8000/actions/{waiting.pk}/progress/{march.pk}/" in mailoutbox[0].body


@pytest.mark.parametrize("state", [State.SUBMITTED, State.ACCEPTED])
def test_people_with_nothing_waiting_get_nothing(objective, march, lead_agency, contributor, mailoutbox, state):
    update(action(objective, "1.1.1", lead_agency), march, state)

    send(BEFORE)

    assert mailoutbox == []


def test_only_people_in_a_lead_agency_with_waiting_actions_are_emailed(
    objective, march, lead_agency, contributor, other_contributor, mailoutbox
):
    action(objective, "1.1.1", lead_agency)

    send(BEFORE)

    assert [message.to for message in mailoutbox] == [["contributor@example.org"]]


def test_inactive_people_and_people_without_an_email_address_are_skipped(objective, march, lead_agency, mailoutbox):
    member(lead_agency, "left", is_active=False)
    member(lead_agency, "no.email", email="")
    action(objective, "1.1.1", lead_agency)

    run = send(BEFORE)

    assert run.sent == []
    assert mailoutbox == []


def test_readers_in_a_lead_agency_are_not_reminded(objective, march, lead_agency, mailoutbox):
    member(lead_agency, "chair", role=roles.READERS)
    action(objective, "1.1.1", lead_agency)

    send(BEFORE)

    assert mailoutbox == []


def test_completed_actions_without_an_update_are_not_chased(objective, march, lead_agency, contributor, mailoutbox):
    action(objective, "1.1.1", lead_agency, status="completed", completed_on=date(2025, 11, 2))

    send(BEFORE)

    assert mailoutbox == []


def test_closed_rounds_send_nothing(objective, march, lead_agency, contributor, mailoutbox):
    march.closed_at = timezone.now()
    march.save()
    action(objective, "1.1.1", lead_agency)

    send(AFTER)

    assert mailoutbox == []


def test_a_dry_run_sends_and_records_nothing(objective, march, lead_agency, contributor, mailoutbox):
    action(objective, "1.1.1", lead_agency)

    run = send(BEFORE, dry_run=True)

    assert [reminder.user for reminder in run.sent] == [contributor]
    assert mailoutbox == []
    assert not ReminderLog.objects.exists()


def test_a_reminder_the_mail_server_refuses_is_not_recorded_so_it_goes_next_time(
    objective, march, lead_agency, contributor, settings, mailoutbox
):
    action(objective, "1.1.1", lead_agency)
    settings.EMAIL_BACKEND = "tests.objectives.test_reminders.RefusingBackend"

    run = send(BEFORE)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    send(date(2026, 3, 7))

    assert [reminder.user for reminder in run.failed] == [contributor]
    assert len(mailoutbox) == 1
    assert ReminderLog.objects.count() == 1


# The command


def run_command(*args):
    output = StringIO()
    call_command("send_reminders", *args, stdout=output)
    return output.getvalue()


def test_command_sends_the_due_reminders_and_prints_one_line(objective, march, lead_agency, contributor, mailoutbox):
    action(objective, "1.1.1", lead_agency)

    output = run_command("--date", "2026-03-06", "--base-url", "https://scp.example.org")

    assert output == "Sent 1 reminder e-mail about 1 progress round on 6 March 2026.\n"
    assert "https://scp.example.org/actions/" in mailoutbox[0].body


def test_command_dry_run_says_who_would_be_emailed_and_sends_nothing(
    objective, march, lead_agency, contributor, mailoutbox
):
    action(objective, "1.1.1", lead_agency)

    output = run_command("--date", "2026-03-06", "--dry-run")

    assert output.startswith("Would send 1 reminder e-mail")
    assert mailoutbox == []


def test_command_run_again_sends_nothing_new(objective, march, lead_agency, contributor, mailoutbox):
    action(objective, "1.1.1", lead_agency)
    run_command("--date", "2026-03-06")

    output = run_command("--date", "2026-03-06")

    assert output.startswith("Sent 0 reminder e-mails about 0 progress rounds")
    assert len(mailoutbox) == 1


def test_command_rejects_a_date_it_cannot_read(db):
    with pytest.raises(CommandError, match="--date must be a day written YYYY-MM-DD"):
        run_command("--date", "13/03/2026")


def test_command_rejects_a_base_url_that_is_not_a_web_address(db):
    with pytest.raises(CommandError, match="--base-url must be a web address"):
        run_command("--base-url", "scp.example.org")


def test_command_fails_loudly_when_the_mail_server_refuses(objective, march, lead_agency, contributor, settings):
    action(objective, "1.1.1", lead_agency)
    settings.EMAIL_BACKEND = "tests.objectives.test_reminders.RefusingBackend"

    with pytest.raises(CommandError, match="Could not send 1 reminder, to contributor@example.org"):
        run_command("--date", "2026-03-06")


# The board manager's button


def remind_url(progress_round, agency):
    return reverse("objectives:round_remind_agency", args=[progress_round.pk, agency.pk])


def test_the_manager_reminds_one_agency_and_is_told_how_many_were_emailed(
    manager_client,
    board_manager,
    objective,
    march,
    lead_agency,
    other_agency,
    contributor,
    other_contributor,
    mailoutbox,
):
    member(lead_agency, "second.officer", first_name="Priya", last_name="Shah")
    action(objective, "1.1.1", lead_agency)
    action(objective, "1.1.2", other_agency)

    response = manager_client.post(remind_url(march, lead_agency), follow=True)

    assert sorted(message.to[0] for message in mailoutbox) == ["contributor@example.org", "second.officer@example.org"]
    assert "Reminder e-mailed to 2 people at Police: Daniel Okonedo, Priya Shah." in response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("objectives:round_detail", args=[march.pk])
    log = ReminderLog.objects.filter(user=contributor).get()
    assert (log.reason, log.sent_by) == (Reason.BY_MANAGER, board_manager)


def test_the_managers_reminder_lists_only_that_agencys_actions(
    manager_client, objective, march, lead_agency, other_agency, contributor, mailoutbox
):
    other_agency.members.add(contributor)
    action(objective, "1.1.1", lead_agency, text="Police action")
    action(objective, "1.1.2", other_agency, text="Health action")

    manager_client.post(remind_url(march, lead_agency))

    assert "Police action" in mailoutbox[0].body
    assert "Health action" not in mailoutbox[0].body
    assert "the board manager, asks for your agency's updates" in mailoutbox[0].body


def test_the_manager_may_remind_an_agency_again(manager_client, objective, march, lead_agency, contributor, mailoutbox):
    action(objective, "1.1.1", lead_agency)

    manager_client.post(remind_url(march, lead_agency))
    manager_client.post(remind_url(march, lead_agency))

    assert len(mailoutbox) == 2
    assert ReminderLog.objects.filter(reason=Reason.BY_MANAGER).count() == 2


def test_the_managers_reminder_does_not_stop_the_scheduled_one(
    manager_client, objective, march, lead_agency, contributor, mailoutbox
):
    action(objective, "1.1.1", lead_agency)
    manager_client.post(remind_url(march, lead_agency))

    send(BEFORE)

    assert len(mailoutbox) == 2


def test_reminding_an_agency_with_nothing_waiting_says_so(
    manager_client, objective, march, lead_agency, contributor, mailoutbox
):
    update(action(objective, "1.1.1", lead_agency), march, State.SUBMITTED)

    response = manager_client.post(remind_url(march, lead_agency), follow=True)

    assert mailoutbox == []
    assert "Police has no actions waiting for an update in Progress report March 2026." in response.content.decode()


def test_reminding_an_agency_nobody_can_be_emailed_at_says_so(
    manager_client, objective, march, lead_agency, mailoutbox
):
    member(lead_agency, "no.email", email="")
    action(objective, "1.1.1", lead_agency)

    response = manager_client.post(remind_url(march, lead_agency), follow=True)

    assert mailoutbox == []
    assert "Nobody at Police could be reminded" in response.content.decode()


def test_reminding_for_a_closed_round_is_refused(
    manager_client, objective, march, lead_agency, contributor, mailoutbox
):
    march.closed_at = timezone.now()
    march.save()
    action(objective, "1.1.1", lead_agency)

    response = manager_client.post(remind_url(march, lead_agency), follow=True)

    assert mailoutbox == []
    assert "Progress report March 2026 is closed" in response.content.decode()


@pytest.mark.parametrize("persona", ["contributor_client", "reader_client"])
def test_only_the_board_manager_may_remind_an_agency(
    request, persona, objective, march, lead_agency, contributor, mailoutbox
):
    action(objective, "1.1.1", lead_agency)
    client = request.getfixturevalue(persona)

    response = client.post(remind_url(march, lead_agency))

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert mailoutbox == []


def test_reminding_needs_a_post(manager_client, objective, march, lead_agency, contributor, mailoutbox):
    action(objective, "1.1.1", lead_agency)

    response = manager_client.get(remind_url(march, lead_agency))

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert mailoutbox == []


def test_reminding_an_unknown_agency_is_not_found(manager_client, march):
    response = manager_client.post(reverse("objectives:round_remind_agency", args=[march.pk, 999_999]))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_the_managers_reminder_links_to_the_site_it_was_sent_from(
    manager_client, objective, march, lead_agency, contributor, mailoutbox
):
    waiting = action(objective, "1.1.1", lead_agency)

    manager_client.post(remind_url(march, lead_agency))

    assert f"http://testserver/actions/{waiting.pk}/progress/{march.pk}/" in mailoutbox[0].body


def test_the_manager_is_told_when_the_mail_server_refuses_a_reminder(
    manager_client, objective, march, lead_agency, contributor, settings
):
    action(objective, "1.1.1", lead_agency)
    settings.EMAIL_BACKEND = "tests.objectives.test_reminders.RefusingBackend"

    response = manager_client.post(remind_url(march, lead_agency), follow=True)

    assert (
        "The reminder could not be e-mailed to contributor@example.org. Try again later." in response.content.decode()
    )
    assert not ReminderLog.objects.exists()
