"""The fingerprint of an import's changes: equal changes give equal fingerprints, any difference a new one."""

from dataclasses import dataclass, field

import pytest

from core.fingerprints import fingerprint
from objectives.models import Action, Agency
from tests.factories import ActionFactory

pytestmark = pytest.mark.django_db


@dataclass
class Changes:
    actions: list = field(default_factory=list)
    agencies: set = field(default_factory=set)


def test_changes_worked_out_twice_from_the_same_data_have_the_same_fingerprint():
    action = ActionFactory(text="Audit referrals")

    first = Changes([Action.objects.get(pk=action.pk), Action(text="New")], {"Police", "Health"})
    second = Changes([Action.objects.get(pk=action.pk), Action(text="New")], {"Health", "Police"})

    assert fingerprint(first) == fingerprint(second)


def test_a_different_value_in_any_instance_gives_a_different_fingerprint():
    action = ActionFactory(text="Audit referrals")
    before = fingerprint(Changes([Action.objects.get(pk=action.pk)]))
    Action.objects.filter(pk=action.pk).update(responsibility="Police")

    after = fingerprint(Changes([Action.objects.get(pk=action.pk)]))

    assert before != after


def test_a_new_object_in_place_of_an_existing_one_gives_a_different_fingerprint():
    existing = Agency.objects.create(name="Fenbridge Police", short_name="Police")

    assert fingerprint(Changes([existing])) != fingerprint(
        Changes([Agency(name="Fenbridge Police", short_name="Police")])
    )


def test_objects_without_a_value_of_their_own_are_named_by_their_type_not_their_address():
    assert fingerprint(Changes([object()])) == fingerprint(Changes([object()]))
