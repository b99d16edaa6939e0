"""People's changes are in the same history as everything else: who changed a person, when, and what."""

from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse

from objectives import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(db):
    email = "sam.reader@council.example"
    return UserFactory(username=email, email=email, first_name="Sam", last_name="Reader", roles=[roles.READERS])


def edit_data(person, **changes):
    """The person's page as the manager submits it, with `changes` typed in."""
    names = {"first_name": person.first_name, "last_name": person.last_name}
    return {**names, "email": person.email, "role": roles.role_of(person), "agencies": [], **changes}


def test_a_name_changed_by_the_manager_is_in_the_persons_history_as_theirs(manager_client, board_manager, person):
    url = reverse("objectives:person_update", args=[person.pk])

    response = manager_client.post(url, edit_data(person, first_name="Samira"))

    assert response.status_code == HTTPStatus.FOUND
    latest, before = person.history.order_by("-history_date", "-history_id")[:2]
    assert latest.history_user == board_manager
    assert (before.first_name, latest.first_name) == ("Sam", "Samira")
    assert [change.field for change in latest.diff_against(before).changes] == ["first_name"]


def test_deactivating_and_reactivating_a_person_are_in_their_history_as_the_managers(
    manager_client, board_manager, person
):
    manager_client.post(reverse("objectives:person_deactivate", args=[person.pk]))
    manager_client.post(reverse("objectives:person_reactivate", args=[person.pk]))

    changes = person.history.order_by("-history_date", "-history_id")[:2]
    assert [(record.is_active, record.history_user) for record in changes] == [
        (True, board_manager),
        (False, board_manager),
    ]


def test_a_role_change_is_in_the_persons_history_with_the_new_role(manager_client, board_manager, person):
    url = reverse("objectives:person_update", args=[person.pk])

    manager_client.post(url, edit_data(person, role=roles.BOARD_MANAGERS))

    latest = person.history.order_by("-history_date", "-history_id").first()
    assert latest.history_user == board_manager
    assert [group.group.name for group in latest.groups.all()] == [roles.BOARD_MANAGERS]


def test_signing_in_adds_nothing_to_a_persons_history_and_the_history_keeps_no_password(person):
    person.set_password("Tangerine-Lighthouse-82")
    person.save()
    recorded = person.history.count()

    Client().post(reverse("login"), {"username": person.username, "password": "Tangerine-Lighthouse-82"})

    person.refresh_from_db()
    assert person.last_login is not None
    assert person.history.count() == recorded
    assert not hasattr(person.history.first(), "password")
