"""The daily digest: each person's waiting items gathered into one e-mail, grouped by kind.

A digest holds, for each kind in the order of the settings page, a heading with how many items, and for each
item (oldest first) one line saying what happened, a line of detail (the manager's comment, what the manager
changed and the rating now, which actions a new round wants) and the page's address on its own line. Each
item goes in exactly one sent digest: items are claimed by the digest's log row before it is sent, and given
back for the next run only if sending fails.
"""

import textwrap
from dataclasses import dataclass, field
from itertools import groupby

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.template.loader import render_to_string

from ..models import DigestItem, EmailKind, EmailLog
from . import sending
from .kinds import CHOOSABLE
from .messages import site_link

KIND_ORDER = [info.kind for info in CHOOSABLE]


@dataclass
class Group:
    label: str
    items: list[DigestItem]


@dataclass
class DigestRun:
    sent: list[AbstractBaseUser] = field(default_factory=list)
    failed: list[AbstractBaseUser] = field(default_factory=list)
    items: int = 0


def send_digests(*, dry_run: bool = False) -> DigestRun:
    """E-mail each person their items not yet in a digest; with dry_run, count them and send nothing."""
    run = DigestRun()
    waiting = DigestItem.objects.filter(digest__isnull=True, recipient__is_active=True).exclude(recipient__email="")
    waiting = waiting.select_related("recipient").order_by("recipient_id", "created_at", "pk")
    for _, items in groupby(waiting, key=lambda item: item.recipient_id):
        items = list(items)
        person = items[0].recipient
        if dry_run:
            run.sent.append(person)
            run.items += len(items)
            continue
        log = claim(person, items)
        if log is None:
            continue  # another run took them first
        if sending.deliver(log):
            run.sent.append(person)
            run.items += len(items)
        else:
            # Given back, so the next digest carries them.
            DigestItem.objects.filter(digest=log).update(digest=None)
            run.failed.append(person)
    return run


def groups(items: list[DigestItem]) -> list[Group]:
    """The items by kind, in the settings page's order, each kind's oldest first; details wrapped to short lines."""
    labels = dict(EmailKind.choices)
    for item in items:
        item.detail_lines = textwrap.wrap(item.detail, 66)
    return [
        Group(labels[kind], [item for item in items if item.kind == kind])
        for kind in KIND_ORDER
        if any(item.kind == kind for item in items)
    ]


@transaction.atomic
def claim(person: AbstractBaseUser, items: list[DigestItem]) -> EmailLog | None:
    """The digest's log row, with the items claimed for it; None if another run claimed any of them first."""
    context = {
        "name": person.first_name or person.get_username(),
        "board_name": settings.BOARD_NAME,
        "count": len(items),
        "groups": groups(items),
        "settings_url": site_link("objectives:email_settings"),
    }
    headline = " ".join(render_to_string("objectives/email/digest_subject.txt", context).split())
    log = EmailLog.objects.create(
        recipient=person,
        address=person.email,
        kind=EmailKind.DIGEST,
        subject=f"{settings.BOARD_NAME}: {headline}",
        body=render_to_string("objectives/email/digest.txt", context).strip() + "\n",
    )
    claimed = DigestItem.objects.filter(pk__in=[item.pk for item in items], digest__isnull=True).update(digest=log)
    if claimed != len(items):
        transaction.set_rollback(True)
        return None
    return log
