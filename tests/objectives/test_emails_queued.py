"""Reminders and evaluation links are queued for the task worker, so a slow mail server holds up no command or page;
one the mail server refuses is forgotten, so the next run sends it again."""

from datetime import date

import pytest

from objectives.models import EmailKind, EmailLog, ReminderLog
from tests.background_tasks import run_worker
from tests.factories import ObjectiveFactory, ProgressRoundFactory
from tests.objectives.test_reminders import BEFORE, DEADLINE, action, member, send
from tests.training.factories import RegistrationFactory
from training import services as training
from training.models import Evaluation, EvaluationLink, Registration

pytestmark = pytest.mark.django_db
Status = EmailLog.Status
REFUSING = "tests.objectives.test_reminders.RefusingBackend"


@pytest.fixture
def waiting(lead_agency):
    """A contributor with an action waiting in a round whose first reminder is due on BEFORE."""
    objective = ObjectiveFactory()
    ProgressRoundFactory(plan=objective.plan, as_of=date(2026, 3, 31), deadline=DEADLINE)
    action(objective, "1.1.1", lead_agency)
    return member(lead_agency, "waiting.contributor")


def test_a_reminder_is_queued_and_sent_by_the_worker(waiting, queue_only, mailoutbox):
    run = send(BEFORE)
    queued = EmailLog.objects.get(kind=EmailKind.REMINDER)
    run_worker(queue_only)

    assert (len(run.sent), queued.status, ReminderLog.objects.count()) == (1, Status.QUEUED, 1)
    assert [message.to for message in mailoutbox] == [[waiting.email]]
    assert EmailLog.objects.get().status == Status.SENT


def test_a_reminder_the_worker_cannot_send_is_forgotten_so_the_next_run_sends_it(waiting, queue_only, settings):
    send(BEFORE)
    settings.EMAIL_BACKEND = REFUSING

    run_worker(queue_only)

    assert EmailLog.objects.get().status == Status.FAILED
    assert not ReminderLog.objects.exists()
    assert len(send(date(2026, 3, 7)).sent) == 1


def test_an_evaluation_link_is_queued_and_logged(queue_only, mailoutbox):
    attendee = RegistrationFactory(status=Registration.Status.ATTENDED, email="robin@example.org")

    result = training.send_links(session=attendee.session, kind=Evaluation.Kind.AFTER_SESSION, base_url="http://x")
    assert (len(result.sent), mailoutbox) == (1, [])
    run_worker(queue_only)

    log = EmailLog.objects.get()
    assert (log.kind, log.address, log.recipient, log.status) == (EmailKind.EVALUATION, attendee.email, None, "sent")
    assert [message.to for message in mailoutbox] == [["robin@example.org"]]


def test_an_evaluation_link_the_worker_cannot_send_goes_next_time(queue_only, settings):
    attendee = RegistrationFactory(status=Registration.Status.ATTENDED)
    training.send_links(session=attendee.session, kind=Evaluation.Kind.AFTER_SESSION, base_url="http://x")
    settings.EMAIL_BACKEND = REFUSING

    run_worker(queue_only)

    assert not EvaluationLink.objects.exists()
