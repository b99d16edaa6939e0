"""Changes to who may sign in and what they may do are logged, put to the manager who made them."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import SecurityEvent
from objectives import roles
from tests.audit.conftest import events, forget_setup
from tests.factories import UserFactory
from tests.mscb.test_two_factor import code_for

Kind = SecurityEvent.Kind
pytestmark = pytest.mark.django_db
NEW_PASSWORD = "correct-horse-battery-staple-2026"


@pytest.fixture
def person(lead_agency):
    return UserFactory(username="sam@police.example", email="sam@police.example", roles=[roles.READERS])


def edit(manager_client, person, **changes):
    forget_setup()
    data = {"first_name": person.first_name, "last_name": person.last_name, "email": person.email}
    data |= {"role": roles.role_of(person), "agencies": [agency.pk for agency in person.agencies.all()], **changes}
    return manager_client.post(reverse("objectives:person_update", args=[person.pk]), data)


def created_person():
    return get_user_model().objects.get(username="jo@police.example")


def test_inviting_a_person_logs_the_account_and_its_role(manager_client, board_manager):
    data = {"first_name": "Jo", "last_name": "Bloggs", "email": "jo@police.example", "role": roles.READERS}
    forget_setup()

    manager_client.post(reverse("objectives:person_create"), data)

    [created] = events(Kind.USER_CREATED)
    [role] = events(Kind.ROLE_CHANGED)
    assert created.user == role.user == board_manager
    assert created.detail == f"Added user {created_person().pk} (jo@police.example)"
    assert role.detail.endswith(f"(jo@police.example) to {roles.READERS}")


def test_changing_a_role_logs_the_group_removed_and_the_group_added(manager_client, board_manager, person):
    edit(manager_client, person, role=roles.BOARD_MANAGERS)

    details = [event.detail for event in events(Kind.ROLE_CHANGED)]
    assert details == [
        f"Removed user {person.pk} (sam@police.example) from {roles.READERS}",
        f"Added user {person.pk} (sam@police.example) to {roles.BOARD_MANAGERS}",
    ]
    assert {event.user for event in events(Kind.ROLE_CHANGED)} == {board_manager}


def test_adding_an_agency_membership_is_logged(manager_client, person, lead_agency):
    edit(manager_client, person, agencies=[lead_agency.pk])

    [event] = events(Kind.ROLE_CHANGED)
    assert event.detail == f"Added user {person.pk} (sam@police.example) to agency {lead_agency.pk} (Fenbridge Police)"


def test_changing_an_e_mail_address_logs_the_old_one(manager_client, person):
    edit(manager_client, person, email="sam.new@police.example")

    details = [event.detail for event in events(Kind.USER_CHANGED)]
    old = "from sam@police.example"
    assert details == [
        f"Changed the email of user {person.pk} (sam.new@police.example) {old}",
        f"Changed the username of user {person.pk} (sam.new@police.example) {old}",
    ]


def test_deactivating_and_reactivating_are_logged(manager_client, board_manager, person):
    manager_client.post(reverse("objectives:person_deactivate", args=[person.pk]))
    manager_client.post(reverse("objectives:person_reactivate", args=[person.pk]))

    details = [event.detail for event in events(Kind.USER_CHANGED)]
    assert details == [
        f"Deactivated user {person.pk} (sam@police.example)",
        f"Reactivated user {person.pk} (sam@police.example)",
    ]
    assert events(Kind.USER_CHANGED)[0].user == board_manager


def test_changing_ones_own_password_is_logged_without_it(reader_client, reader):
    data = {"old_password": "a-long-test-password", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}

    reader_client.post(reverse("password_change"), data)

    [event] = events(Kind.PASSWORD_CHANGED)
    assert (event.user, event.detail) == (reader, f"New password for user {reader.pk} (chair)")
    assert NEW_PASSWORD not in str(SecurityEvent.objects.values_list())


def test_a_password_set_through_a_reset_link_is_put_to_the_person(client, reader):
    token = default_token_generator.make_token(reader)
    link = reverse("password_reset_confirm", args=[urlsafe_base64_encode(force_bytes(reader.pk)), token])
    form = client.get(link, follow=True).redirect_chain[-1][0]

    client.post(form, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    [event] = events(Kind.PASSWORD_CHANGED)
    assert event.user == reader


def test_a_reset_links_token_never_reaches_the_log(reader):
    token = default_token_generator.make_token(reader)
    link = reverse("password_reset_confirm", args=[urlsafe_base64_encode(force_bytes(reader.pk)), token])

    # Refused by the CSRF check, so logged with its path.
    Client(enforce_csrf_checks=True).post(link, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    [event] = events(Kind.PERMISSION_DENIED)
    assert token not in event.path
    assert event.path.endswith("/[token]/")


def test_setting_up_an_authenticator_app_is_logged_once_confirmed(settings, reader_client, reader):
    settings.MFA_REQUIRED = True
    # Setting up asks for the password again first (mscb.fresh_password).
    reader_client.post(reverse("two_factor_password"), {"password": "a-long-test-password"})
    reader_client.get(reverse("two_factor_enrol"))
    assert not events(Kind.TWO_FACTOR_ADDED)
    device = TOTPDevice.objects.get(user=reader)

    reader_client.post(reverse("two_factor_enrol"), {"code": code_for(device)})

    [event] = events(Kind.TWO_FACTOR_ADDED)
    assert (event.user, event.detail) == (reader, f"Two-factor app {device.pk} for user {reader.pk} (chair)")


def test_removing_an_authenticator_app_in_the_admin_is_logged(admin_client, admin_user, reader):
    device = TOTPDevice.objects.create(user=reader, name="Authenticator app", confirmed=True)

    admin_client.post(reverse("admin:otp_totp_totpdevice_delete", args=[device.pk]), {"post": "yes"})

    [event] = events(Kind.TWO_FACTOR_REMOVED)
    assert (event.user, event.detail) == (admin_user, f"Two-factor app {device.pk} of user {reader.pk} (chair)")
