"""What the workflow tells people: one function per event, which the services call after their write.

Each waits for the write's transaction to commit (nothing goes out for a write that rolled back), then
writes the e-mails and hands them to the task queue; a failure there is logged and never reaches the page.
"""

from functools import partial

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from ..models import DigestItem, ProgressRound, ProgressUpdate
from ..services import reminders
from . import kinds, messages, sending
from .kinds import Kind
from .messages import site_link
from .preferences import Delivery, deliveries


def update_submitted(update: ProgressUpdate) -> None:
    _after_commit(_submitted, update.pk)


def update_returned(update: ProgressUpdate, *, manager: AbstractBaseUser) -> None:
    _after_commit(_returned, update.pk, manager)


def update_accepted(
    update: ProgressUpdate, *, manager: AbstractBaseUser, text_changed: bool, rating_changed: bool
) -> None:
    _after_commit(_accepted, update.pk, manager, text_changed, rating_changed)


def round_opened(progress_round: ProgressRound, *, opened_by: AbstractBaseUser) -> None:
    _after_commit(_round_opened, progress_round.pk, opened_by)


def _after_commit(job, *args) -> None:
    # robust: an error preparing the e-mails is logged by Django and the page carries on.
    transaction.on_commit(partial(job, *args), robust=True)


def _update(pk: int) -> ProgressUpdate:
    updates = ProgressUpdate.objects.select_related("action", "round__plan__rating_scale", "submitted_by")
    return updates.prefetch_related("action__lead_agencies", "round__plan__rating_scale__levels").get(pk=pk)


def _submitted(update_pk: int) -> None:
    update = _update(update_pk)
    context = {"update": update, "link": site_link("objectives:progress_review", update.pk)}
    send(kinds.board_managers(besides=update.submitted_by), Kind.SUBMITTED, lambda person: context)


def _returned(update_pk: int, manager: AbstractBaseUser) -> None:
    update = _update(update_pk)
    link = site_link("objectives:progress_edit", update.action_id, update.round_id)
    context = {"update": update, "manager": manager, "link": link}
    send(kinds.returned_to(update, manager=manager), Kind.RETURNED, lambda person: context)


def _accepted(update_pk: int, manager: AbstractBaseUser, text_changed: bool, rating_changed: bool) -> None:
    update = _update(update_pk)
    context = {
        "update": update,
        "manager": manager,
        "text_changed": text_changed,
        "rating_changed": rating_changed,
        "rating_label": update.round.plan.scale.label(update.rag) if update.rag else "",
        "link": site_link("objectives:action_detail", update.action_id),
    }
    send(kinds.accepted_for(update, manager=manager), Kind.ACCEPTED, lambda person: context)


def _round_opened(round_pk: int, opened_by: AbstractBaseUser) -> None:
    progress_round = ProgressRound.objects.select_related("plan").get(pk=round_pk)
    waiting = reminders.waiting_by_person(progress_round)
    rows_of = {person.pk: rows for person, rows in waiting}

    def context_for(person):
        rows = rows_of[person.pk]
        items = [(row, site_link("objectives:progress_edit", row.action.pk, round_pk)) for row in rows]
        return {
            "progress_round": progress_round,
            "opened_by": opened_by,
            "rows": rows,
            "items": items,
            "link": site_link("objectives:my_actions"),
        }

    send([person for person, _ in waiting], Kind.ROUND_OPENED, context_for)


def send(people: list[AbstractBaseUser], kind: str, context_for) -> None:
    """Each person's e-mail of this kind, as they chose: queued now, kept for their digest, or not written."""
    chosen = deliveries(people, kind)
    for person in people:
        delivery = chosen.get(person.pk, Delivery.IMMEDIATE)
        if delivery == Delivery.NONE:
            continue
        message = messages.build(kind, person, context_for(person))
        if delivery == Delivery.DIGEST:
            DigestItem.objects.create(
                recipient=person, kind=kind, headline=message.headline, detail=message.detail, link=message.link
            )
        else:
            sending.queue(recipient=person, kind=kind, subject=message.subject, body=message.body)
