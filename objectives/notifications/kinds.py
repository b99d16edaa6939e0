"""The kinds of e-mail the workflow sends, and who receives each.

| Kind | Sent when | To |
| --- | --- | --- |
| submitted | an agency submits an update | the board managers (not the person who submitted it) |
| returned | the board manager returns an update | its writer and the contributors of its lead agencies |
| accepted | the board manager accepts an update | its writer, unless the manager wrote it |
| round_opened | a person opens a progress round | each contributor of an agency with actions in it |

Reminders (objectives.services.reminders) are always sent at once: the board manager chose to send them.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Permission
from django.db.models import Q

from ..models import EmailKind, ProgressUpdate
from ..services.reminders import contributors

Kind = EmailKind


@dataclass(frozen=True)
class KindInfo:
    kind: str
    label: str
    # Said on the settings page and at the foot of each e-mail: why this person gets it.
    because: str


CHOOSABLE = [
    KindInfo(Kind.SUBMITTED, "An agency submits an update", "you review the updates agencies submit"),
    KindInfo(
        Kind.RETURNED,
        "The board manager returns an update to your agency",
        "you wrote the update, or you write progress for an agency that leads the action",
    ),
    KindInfo(Kind.ACCEPTED, "The board manager accepts your update", "you wrote the update"),
    KindInfo(
        Kind.ROUND_OPENED,
        "A progress round opens",
        "you write progress for an agency that leads actions in the round",
    ),
]
INFO = {info.kind: info for info in CHOOSABLE}


def kinds_for(user: AbstractBaseUser) -> list[KindInfo]:
    """The kinds this person can receive, by their role: the settings page offers only these."""
    if user.has_perm("objectives.review_progressupdate"):
        return CHOOSABLE
    if user.has_perm("objectives.submit_progressupdate"):
        return [info for info in CHOOSABLE if info.kind != Kind.SUBMITTED]
    return []


def _people():
    """Active people with an e-mail address, who are the only ones an e-mail can reach."""
    return get_user_model().objects.filter(is_active=True).exclude(email="")


def board_managers(*, besides: AbstractBaseUser | None = None) -> list[AbstractBaseUser]:
    """The people in a role that reviews progress (the site admin only if given the role)."""
    review = Permission.objects.filter(codename="review_progressupdate", content_type__app_label="objectives")
    managers = _people().filter(Q(groups__permissions__in=review) | Q(user_permissions__in=review)).distinct()
    if besides is not None:
        managers = managers.exclude(pk=besides.pk)
    return list(managers.order_by("last_name", "pk"))


def returned_to(update: ProgressUpdate, *, manager: AbstractBaseUser) -> list[AbstractBaseUser]:
    """The update's writer and every contributor of its action's lead agencies, but not the manager."""
    agencies = update.action.lead_agencies.values("pk")
    people = (
        _people()
        .filter(Q(pk=update.author_id) | Q(agencies__in=agencies, pk__in=contributors()))
        .exclude(pk=manager.pk)
    )
    return list(people.distinct().order_by("last_name", "pk"))


def accepted_for(update: ProgressUpdate, *, manager: AbstractBaseUser) -> list[AbstractBaseUser]:
    """The update's writer, unless the manager wrote it themselves (or nobody did, as in an import)."""
    if update.author_id is None or update.author_id == manager.pk:
        return []
    return list(_people().filter(pk=update.author_id))
