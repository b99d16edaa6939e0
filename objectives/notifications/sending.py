"""Sending one logged e-mail, as a background task, so a slow or broken mail server never holds up a page.

The log row is written first (queued) and the task marks it sent or failed with the reason. Nothing here
raises: a failure is logged for the site admin and shown on the board manager's e-mail log.
"""

import logging

from django.apps import apps
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import EmailMessage
from django.db.models import Model
from django.utils import timezone
from django_tasks import task

from ..models import EmailLog

logger = logging.getLogger(__name__)
Status = EmailLog.Status


@task()
def send_logged_email(log_id: int) -> None:
    """Send a queued e-mail from the log; one already sent or failed is left alone, so a retried task sends once."""
    log = queued(log_id)
    if log is not None:
        deliver(log)


def queue(*, recipient: AbstractBaseUser, kind: str, subject: str, body: str) -> EmailLog:
    """Log an e-mail as waiting and hand it to the task queue; if the queue refuses it, log that it failed."""
    log = EmailLog.objects.create(recipient=recipient, address=recipient.email, kind=kind, subject=subject, body=body)
    return hand_over(log, send_logged_email)


@task()
def send_or_forget(log_id: int, model: str, record_id: int) -> None:
    """Send a queued e-mail; if it fails, delete the row that records it as sent (a reminder, an evaluation link,
    named by its model's label), so the next run sends it again."""
    log = queued(log_id)
    if log is not None and not deliver(log):
        apps.get_model(model).objects.filter(pk=record_id).delete()


def queue_recorded(*, record: Model, recipient: AbstractBaseUser | None, address: str, kind: str, message) -> bool:
    """Queue an e-mail whose sending `record` stands for, as `queue()` does; False, with the record deleted, if it
    failed already (the queue refused it, or the mail server when the queue sends at once)."""
    log = EmailLog.objects.create(
        recipient=recipient, address=address, kind=kind, subject=message.subject, body=message.body
    )
    log = hand_over(log, send_or_forget, record._meta.label, record.pk)
    if log.status != Status.FAILED:
        return True
    type(record).objects.filter(pk=record.pk).delete()
    return False


def hand_over(log: EmailLog, task, *args) -> EmailLog:
    """Queue the task that sends a logged e-mail (`task(log.pk, *args)`); the log as it stands afterwards, which
    says sent or failed already when the queue runs tasks at once (development, tests)."""
    try:
        task.enqueue(log.pk, *args)
    except Exception as error:  # whatever the queue's backend raises, the page that asked must not break
        logger.exception("Could not queue the e-mail %s to %s", log.pk, log.address)
        _mark(log, Status.FAILED, f"Could not be queued: {error}")
    log.refresh_from_db()
    return log


def queued(log_id: int) -> EmailLog | None:
    """The logged e-mail if it still waits to be sent: one already sent or failed is left alone, so a retried task
    sends once."""
    return EmailLog.objects.filter(pk=log_id, status=Status.QUEUED).first()


def deliver(log: EmailLog) -> bool:
    """Send the logged e-mail now and record how it went; True if it was sent."""
    message = EmailMessage(log.subject, log.body, to=[log.address])
    try:
        message.send()
    except Exception as error:  # SMTP errors, refused connections, a misconfigured backend: all go in the log
        logger.exception("Could not send the e-mail %s to %s", log.pk, log.address)
        _mark(log, Status.FAILED, f"{type(error).__name__}: {error}")
        return False
    _mark(log, Status.SENT)
    return True


def _mark(log: EmailLog, status: str, error: str = "") -> None:
    log.status, log.error = status, error
    log.sent_at = timezone.now() if status == Status.SENT else None
    log.save(update_fields=["status", "error", "sent_at"])
