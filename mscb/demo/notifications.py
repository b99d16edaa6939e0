"""The demo's e-mail: people's settings (the health officer reads a daily digest) and a year of e-mail log.

The log is written from the demo's own rounds and progress with the real e-mails' words, as the board's year
would have left it, one of them failed. Nothing is sent: the loader writes rows and never calls the services
that e-mail, and the log is only written once.
"""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from objectives.models import Action, BusinessPlan, EmailKind, EmailLog, NotificationPreference, ProgressUpdate
from objectives.notifications import digest, messages
from objectives.notifications.messages import site_link
from objectives.selectors.rounds import action_states

from .people import MANAGER
from .times import LONDON

Delivery = NotificationPreference.Delivery
DIGEST_READER = "health.officer"
PREFERENCES = {
    DIGEST_READER: {EmailKind.RETURNED: Delivery.DIGEST, EmailKind.ACCEPTED: Delivery.DIGEST},
    MANAGER: {EmailKind.SUBMITTED: Delivery.IMMEDIATE},
}
FAILURE = "SMTPServerDisconnected: Connection unexpectedly closed"


def load_notifications(loader, business_plan: BusinessPlan) -> None:
    people = {user.username: user for user in get_user_model().objects.all()}
    for username, choices in PREFERENCES.items():
        for kind, delivery in choices.items():
            lookup = {"user": people[username], "kind": kind}
            loader.ensure(NotificationPreference, lookup, {"delivery": delivery})
    if EmailLog.objects.exists():
        return
    for progress_round in business_plan.rounds.order_by("as_of"):
        _round_e_mails(loader, progress_round, people[MANAGER])
    # One e-mail the mail server refused, as happens, so the log shows what a failure looks like.
    first = EmailLog.objects.filter(kind=EmailKind.SUBMITTED).order_by("created_at").first()
    if first is not None:
        EmailLog.objects.filter(pk=first.pk).update(status=EmailLog.Status.FAILED, error=FAILURE, sent_at=None)


def _round_e_mails(loader, progress_round, manager) -> None:
    deadline = progress_round.deadline or progress_round.as_of
    opened = _at(deadline - timedelta(days=28), 9)
    officers = get_user_model().objects.filter(agencies__led_actions__plan=progress_round.plan_id).distinct()
    for officer in officers.exclude(pk=manager.pk):
        rows = action_states(Action.objects.filter(lead_agencies__members=officer), [progress_round])
        items = [(row, site_link("objectives:progress_edit", row.action.pk, progress_round.pk)) for row in rows]
        context = {"progress_round": progress_round, "opened_by": manager, "rows": rows, "items": items}
        _log(loader, officer, EmailKind.ROUND_OPENED, {**context, "link": site_link("objectives:my_actions")}, opened)
    updates = progress_round.progress_updates.exclude(author=None).exclude(author=manager)
    updates = updates.select_related("action", "round__plan__rating_scale", "author").order_by("action__sort_key")
    for hour, update in enumerate(updates):
        submitted = update.submitted_at or _at(deadline - timedelta(days=2), 9 + hour % 8)
        review = {"update": update, "link": site_link("objectives:progress_review", update.pk)}
        _log(loader, manager, EmailKind.SUBMITTED, review, submitted)
        _answer(loader, update, manager, submitted)


def _answer(loader, update: ProgressUpdate, manager, submitted: datetime) -> None:
    """The e-mail back to the writer: accepted or returned; the digest reader's come in their digest next day."""
    if update.state not in (ProgressUpdate.State.ACCEPTED, ProgressUpdate.State.RETURNED):
        return
    kind = EmailKind.ACCEPTED if update.state == ProgressUpdate.State.ACCEPTED else EmailKind.RETURNED
    when = update.accepted_at or submitted + timedelta(days=1)
    link = site_link("objectives:action_detail", update.action_id)
    if kind == EmailKind.RETURNED:
        link = site_link("objectives:progress_edit", update.action_id, update.round_id)
    rating = update.round.plan.scale.label(update.rag) if update.rag else ""
    context = {"update": update, "manager": manager, "text_changed": False, "rating_changed": False}
    context.update(rating_label=rating, link=link)
    if update.author.username != DIGEST_READER:
        _log(loader, update.author, kind, context, when)
        return
    message = messages.build(kind, update.author, context)
    item = update.author.digest_items.create(
        kind=kind, headline=message.headline, detail=message.detail, link=message.link, created_at=when
    )
    log = digest.claim(update.author, [item])
    sent = _at(timezone.localtime(when, LONDON).date() + timedelta(days=1), 7)
    EmailLog.objects.filter(pk=log.pk).update(status=EmailLog.Status.SENT, created_at=sent, sent_at=sent)
    loader.created[EmailLog] += 1


def _log(loader, person, kind: str, context: dict, when: datetime) -> None:
    message = messages.build(kind, person, context)
    EmailLog.objects.create(
        recipient=person,
        address=person.email,
        kind=kind,
        subject=message.subject,
        body=message.body,
        status=EmailLog.Status.SENT,
        created_at=when,
        sent_at=when,
    )
    loader.created[EmailLog] += 1


def _at(day, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=LONDON)
