"""Sign-ins, failed sign-ins, lockouts and wrong two-factor codes reach the security log, done through the pages."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import SecurityEvent
from tests.audit.conftest import events
from tests.factories import UserFactory
from tests.mscb.test_two_factor import wrong_code_for

Kind = SecurityEvent.Kind
PASSWORD = "a-long-test-password"
pytestmark = pytest.mark.django_db


def sign_in(client, username, password=PASSWORD, address="192.0.2.10"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def test_a_sign_in_is_logged_with_the_person_and_address(client):
    person = UserFactory(username="sam")

    sign_in(client, "sam")

    [event] = events(Kind.SIGN_IN)
    assert (event.user, event.username, event.address, event.path) == (person, "sam", "192.0.2.10", "/accounts/login/")


def test_a_failed_sign_in_keeps_the_username_as_typed_and_never_the_password(client):
    UserFactory(username="sam")

    sign_in(client, "SAM.Typo", password="wrong-password-guess")

    [event] = events(Kind.SIGN_IN_FAILED)
    assert (event.user, event.username, event.address, event.method) == (None, "SAM.Typo", "192.0.2.10", "POST")
    assert "wrong-password-guess" not in str(SecurityEvent.objects.values_list())


def test_a_failed_sign_in_keeps_the_case_typed_though_sign_in_ignores_it(client):
    UserFactory(username="sam")

    sign_in(client, "Sam", password="wrong-password-guess")

    assert events(Kind.SIGN_IN_FAILED)[0].username == "Sam"


def test_a_lockout_is_logged(client, settings):
    settings.AXES_FAILURE_LIMIT = 2
    UserFactory(username="sam")

    for _ in range(2):
        sign_in(client, "sam", password="wrong-password-guess")

    [event] = events(Kind.LOCKED_OUT)
    assert (event.username, event.address) == ("sam", "192.0.2.10")


def test_behind_a_trusted_proxy_the_address_is_the_one_the_proxy_saw(client, settings):
    settings.AXES_IPWARE_PROXY_COUNT = 1

    client.post(
        reverse("login"),
        {"username": "nobody", "password": "x"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )

    assert events(Kind.SIGN_IN_FAILED)[0].address == "203.0.113.7"


def test_a_wrong_two_factor_code_is_logged_without_the_code(settings, reader_client, reader):
    settings.MFA_REQUIRED = True
    device = TOTPDevice.objects.create(user=reader, name="Authenticator app", confirmed=True)
    wrong = wrong_code_for(device)

    reader_client.post(reverse("two_factor_verify"), {"code": wrong})

    [event] = events(Kind.TWO_FACTOR_FAILED)
    assert (event.user, event.username, event.path) == (reader, "chair", "/accounts/two-factor/")
    assert wrong not in event.detail
