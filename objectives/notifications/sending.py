"""Sending one logged e-mail, as a background task, so a slow or broken mail server never holds up a page.

The log row is written first (queued) and the task marks it sent or failed with the reason. Nothing here
raises: a failure is logged for the site admin and shown on the board manager's e-mail log.
"""

import logging

from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import EmailMessage
from django.utils import timezone
from django_tasks import task

from ..models import EmailLog

logger = logging.getLogger(__name__)
Status = EmailLog.Status


@task()
def send_logged_email(log_id: int) -> None:
    """Send a queued e-mail from the log; one already sent or failed is left alone, so a retried task sends once."""
    log = EmailLog.objects.filter(pk=log_id, status=Status.QUEUED).first()
    if log is not None:
        deliver(log)


def queue(*, recipient: AbstractBaseUser, kind: str, subject: str, body: str) -> EmailLog:
    """Log an e-mail as waiting and hand it to the task queue; if the queue refuses it, log that it failed."""
    log = EmailLog.objects.create(recipient=recipient, address=recipient.email, kind=kind, subject=subject, body=body)
    try:
        send_logged_email.enqueue(log.pk)
    except Exception as error:  # whatever the queue's backend raises, the page that asked must not break
        logger.exception("Could not queue the e-mail %s to %s", log.pk, log.address)
        _mark(log, Status.FAILED, f"Could not be queued: {error}")
    return log


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


def record(
    *, recipient: AbstractBaseUser, kind: str, message: EmailMessage, error: Exception | None = None
) -> EmailLog:
    """Log an e-mail another part of the app sent itself (the reminders), with its outcome."""
    failed = error is not None
    return EmailLog.objects.create(
        recipient=recipient,
        address=recipient.email,
        kind=kind,
        subject=message.subject,
        body=message.body,
        status=Status.FAILED if failed else Status.SENT,
        error=f"{type(error).__name__}: {error}" if failed else "",
        sent_at=None if failed else timezone.now(),
    )


def _mark(log: EmailLog, status: str, error: str = "") -> None:
    log.status, log.error = status, error
    log.sent_at = timezone.now() if status == Status.SENT else None
    log.save(update_fields=["status", "error", "sent_at"])
