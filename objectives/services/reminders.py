"""Reminder e-mails to agency contributors whose actions still lack a submitted update in an open round.

The scheduled reminders (`send_due_reminders`, run daily by `send_reminders`) go a set number of days
before the deadline and again from the day after it, once per person, round and reason. The board
manager's button (`remind_agency`) may be pressed as often as needed.
"""

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Permission
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from ..models import Action, Agency, EmailKind, ProgressRound, ReminderLog
from ..notifications import sending
from ..selectors.rounds import ActionState, action_states, is_past_deadline

logger = logging.getLogger(__name__)

DEFAULT_BASE_URL = "http://127.0.0.1:8000"
Reason = ReminderLog.Reason


@dataclass
class Reminder:
    """One e-mail to one person about one round: the actions of theirs still waiting for an update."""

    user: AbstractBaseUser
    progress_round: ProgressRound
    reason: str
    rows: list[ActionState] = field(default_factory=list)


@dataclass
class ReminderRun:
    sent: list[Reminder] = field(default_factory=list)
    failed: list[Reminder] = field(default_factory=list)


def due_reason(progress_round: ProgressRound, today: date) -> str | None:
    """The scheduled reminder a round is due on this day, if any; a missed day is caught up the next."""
    deadline = progress_round.deadline
    if progress_round.is_closed or deadline is None:
        return None
    if today > deadline:
        return Reason.AFTER_DEADLINE
    if deadline - timedelta(days=settings.REMINDER_DAYS_BEFORE_DEADLINE) <= today < deadline:
        return Reason.BEFORE_DEADLINE
    return None


def send_due_reminders(*, today: date, base_url: str = DEFAULT_BASE_URL, dry_run: bool = False) -> ReminderRun:
    """E-mail every contributor with actions still waiting in a round whose reminder is due, once per reason."""
    run = ReminderRun()
    open_rounds = ProgressRound.objects.filter(closed_at__isnull=True, deadline__isnull=False).select_related("plan")
    for progress_round in open_rounds.order_by("deadline", "pk"):
        reason = due_reason(progress_round, today)
        if reason is None:
            continue
        already = set(ReminderLog.objects.filter(round=progress_round, reason=reason).values_list("user_id", flat=True))
        for reminder in _reminders(progress_round, reason):
            if reminder.user.pk not in already:
                _deliver(reminder, run, base_url=base_url, dry_run=dry_run)
    return run


def remind_agency(
    *, progress_round: ProgressRound, agency: Agency, sent_by: AbstractBaseUser, base_url: str = DEFAULT_BASE_URL
) -> ReminderRun:
    """The board manager's reminder to one agency's contributors about its actions still waiting in a round."""
    return _remind_by_manager(progress_round, sent_by, base_url, agency=agency)


def remind_late_agencies(
    *, progress_round: ProgressRound, sent_by: AbstractBaseUser, base_url: str = DEFAULT_BASE_URL
) -> ReminderRun:
    """The board manager's reminder to every agency with actions still waiting in a round: one e-mail a person."""
    return _remind_by_manager(progress_round, sent_by, base_url)


def _remind_by_manager(
    progress_round: ProgressRound, sent_by: AbstractBaseUser, base_url: str, agency: Agency | None = None
) -> ReminderRun:
    if progress_round.is_closed:
        raise ValidationError(f"{progress_round.label} is closed, so nobody can be reminded to write for it.")
    reminders = _reminders(progress_round, Reason.BY_MANAGER, agency=agency)
    if not reminders:
        if not any(row.is_outstanding for row in _rows(progress_round, agency)):
            who = f"{agency} has no" if agency else "No agency has"
            raise ValidationError(f"{who} actions waiting for an update in {progress_round.label}.")
        who = f"at {agency}" if agency else "at any agency with actions waiting"
        raise ValidationError(
            f"Nobody {who} could be reminded: no active agency contributor with an e-mail address belongs to it."
        )
    run = ReminderRun()
    for reminder in reminders:
        _deliver(reminder, run, base_url=base_url, sent_by=sent_by)
    return run


def _rows(progress_round: ProgressRound, agency: Agency | None = None) -> list[ActionState]:
    actions = Action.objects.all() if agency is None else Action.objects.filter(lead_agencies=agency)
    return action_states(actions, [progress_round])


def contributors():
    """Active people with an e-mail address who may write progress, as a subquery of their ids."""
    submit = Permission.objects.filter(codename="submit_progressupdate", content_type__app_label="objectives")
    may_submit = Q(groups__permissions__in=submit) | Q(user_permissions__in=submit) | Q(is_superuser=True)
    return get_user_model().objects.filter(may_submit, is_active=True).exclude(email="").values("pk")


def waiting_by_person(
    progress_round: ProgressRound, agency: Agency | None = None
) -> list[tuple[AbstractBaseUser, list[ActionState]]]:
    """Each contributor of a lead agency (or of `agency`) with their agencies' actions still waiting in a round."""
    waiting = [row for row in _rows(progress_round, agency) if row.is_outstanding]
    rows_by_agency: dict[int, list[ActionState]] = {}
    for row in waiting:
        for lead in row.action.lead_agencies.all():
            if agency is None or lead.pk == agency.pk:
                rows_by_agency.setdefault(lead.pk, []).append(row)
    memberships = Agency.members.through.objects.filter(
        agency_id__in=rows_by_agency, user_id__in=contributors()
    ).select_related("user")
    users, rows_by_user = {}, {}
    for membership in memberships:
        users[membership.user_id] = membership.user
        # A person in two lead agencies of the same action hears about it once.
        rows = rows_by_user.setdefault(membership.user_id, {})
        rows.update((row.action.pk, row) for row in rows_by_agency[membership.agency_id])
    people = [
        (users[user_id], sorted(rows.values(), key=lambda row: row.action.sort_key))
        for user_id, rows in rows_by_user.items()
    ]
    return sorted(people, key=lambda person: (person[0].last_name, person[0].pk))


def _reminders(progress_round: ProgressRound, reason: str, agency: Agency | None = None) -> list[Reminder]:
    """One reminder per contributor of a lead agency, listing that person's agencies' waiting actions."""
    return [Reminder(user, progress_round, reason, rows) for user, rows in waiting_by_person(progress_round, agency)]


def _deliver(
    reminder: Reminder, run: ReminderRun, *, base_url: str, sent_by: AbstractBaseUser | None = None, dry_run=False
) -> None:
    """Record the reminder and queue its e-mail; one the mail server refuses is unrecorded, so it is tried again."""
    if dry_run:
        run.sent.append(reminder)
        return
    message = _message(reminder, base_url=base_url, sent_by=sent_by)
    try:
        with transaction.atomic():
            # No full_clean: the unique constraint is what stops two runs at once sending the same reason twice.
            reminder_log = ReminderLog.objects.create(
                user=reminder.user, round=reminder.progress_round, reason=reminder.reason, sent_by=sent_by
            )
    except IntegrityError:
        return
    if sending.queue_recorded(
        record=reminder_log,
        recipient=reminder.user,
        address=reminder.user.email,
        kind=EmailKind.REMINDER,
        message=message,
    ):
        run.sent.append(reminder)
    else:
        run.failed.append(reminder)


def _message(reminder: Reminder, *, base_url: str, sent_by: AbstractBaseUser | None) -> EmailMessage:
    base_url = base_url.rstrip("/")
    progress_round = reminder.progress_round
    context = {
        "user": reminder.user,
        "name": reminder.user.first_name or reminder.user.get_username(),
        "progress_round": progress_round,
        "reason": reminder.reason,
        "sent_by": sent_by,
        "board_name": settings.BOARD_NAME,
        "committee_name": settings.COMMITTEE_NAME,
        "is_past_deadline": reminder.reason == Reason.AFTER_DEADLINE
        or (reminder.reason == Reason.BY_MANAGER and is_past_deadline(progress_round, timezone.localdate())),
        "items": [
            (row, base_url + reverse("objectives:progress_edit", args=[row.action.pk, progress_round.pk]))
            for row in reminder.rows
        ],
        "my_actions_url": base_url + reverse("objectives:my_actions"),
    }
    subject = " ".join(render_to_string("objectives/email/reminder_subject.txt", context).split())
    body = render_to_string("objectives/email/reminder.txt", context).strip() + "\n"
    return EmailMessage(subject, body, to=[reminder.user.email])
