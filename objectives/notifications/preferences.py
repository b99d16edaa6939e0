"""How each person chose to receive each kind of e-mail: at once (the default), in a daily digest, or not at all."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from ..models import NotificationPreference
from .kinds import CHOOSABLE

Delivery = NotificationPreference.Delivery


def deliveries(people: list[AbstractBaseUser], kind: str) -> dict[int, str]:
    """Each person's choice for one kind, by id, in one query; anyone not in it gets e-mails at once."""
    rows = NotificationPreference.objects.filter(user__in=[person.pk for person in people], kind=kind)
    return dict(rows.values_list("user_id", "delivery"))


def preferences_of(user: AbstractBaseUser) -> dict[str, str]:
    """The person's choice for every kind they may choose, the default where they have not chosen."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "delivery"))
    return {info.kind: chosen.get(info.kind, Delivery.IMMEDIATE) for info in CHOOSABLE}


@transaction.atomic
def save_preferences(*, user: AbstractBaseUser, choices: dict[str, str]) -> None:
    """Record the person's choice for each kind given."""
    for kind, delivery in choices.items():
        NotificationPreference.objects.update_or_create(user=user, kind=kind, defaults={"delivery": delivery})
