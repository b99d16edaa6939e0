"""The people pages cannot reach what the admin lockdown protects: the site admin's account, admin users' (staff)
and another board manager's, whose e-mail address would let a manager take the account over (issue 16)."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from objectives import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def other_manager(db):
    return UserFactory(first_name="Robin", last_name="Other", email="robin@board.example", roles=[roles.BOARD_MANAGERS])


@pytest.fixture
def admin_user_person(db):
    return UserFactory(first_name="Ash", last_name="Staff", is_staff=True, roles=[roles.READERS])


def test_a_manager_cannot_open_another_managers_edit_page(manager_client, other_manager):
    response = manager_client.get(reverse("objectives:person_update", args=[other_manager.pk]), follow=True)

    assert response.redirect_chain[-1][0] == reverse("objectives:person_list")
    assert messages_of(response) == ["Robin Other is a board manager, so only the site admin can change them."]


def test_a_manager_cannot_change_another_managers_email(manager_client, other_manager):
    data = {"first_name": "Robin", "last_name": "Other", "email": "mine@evil.example", "role": roles.BOARD_MANAGERS}

    manager_client.post(reverse("objectives:person_update", args=[other_manager.pk]), data)

    other_manager.refresh_from_db()
    assert other_manager.email == "robin@board.example"


def test_a_manager_cannot_deactivate_another_manager(manager_client, other_manager):
    response = manager_client.post(reverse("objectives:person_deactivate", args=[other_manager.pk]), follow=True)

    other_manager.refresh_from_db()
    assert other_manager.is_active
    assert messages_of(response) == ["Robin Other is a board manager, so only the site admin can change them."]


def test_a_manager_cannot_change_someone_who_can_use_the_admin(manager_client, admin_user_person):
    data = {"first_name": "Ash", "last_name": "Staff", "email": "mine@evil.example", "role": roles.READERS}

    response = manager_client.post(reverse("objectives:person_update", args=[admin_user_person.pk]), data, follow=True)

    admin_user_person.refresh_from_db()
    assert admin_user_person.email != "mine@evil.example"
    assert messages_of(response) == ["Ash Staff can use the admin, so only the site admin can change them."]


def test_a_manager_cannot_give_the_site_admin_a_role(manager_client, admin_user):
    data = {"first_name": "A", "last_name": "B", "email": "admin@example.com", "role": roles.READERS}

    response = manager_client.post(reverse("objectives:person_update", args=[admin_user.pk]), data)

    assert response.status_code == HTTPStatus.FOUND
    assert roles.role_of(admin_user) is None


def test_a_manager_may_still_change_their_own_name(manager_client, board_manager):
    data = {"first_name": "Morgana", "last_name": "Manager", "email": "m@board.example", "role": roles.BOARD_MANAGERS}

    manager_client.post(reverse("objectives:person_update", args=[board_manager.pk]), data)

    board_manager.refresh_from_db()
    assert board_manager.first_name == "Morgana"
