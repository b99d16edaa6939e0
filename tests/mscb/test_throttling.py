"""Sign-in throttling beyond one username from one address: per address, per username, no rolling pause."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.urls import reverse
from django.utils import timezone

from objectives import roles
from tests.factories import UserFactory

PASSWORD = "a-long-test-password"
HOME = "198.51.100.7"


@pytest.fixture
def sam(db):
    return UserFactory(username="sam.taylor", roles=[roles.READERS])


def sign_in(client, username, password, address=HOME, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address, **extra)


def fail_as_many_usernames(client, count, address=HOME):
    for number in range(count):
        sign_in(client, f"guess-{number}", "not-the-password", address)


def fail_from_many_addresses(client, username, count):
    for number in range(count):
        sign_in(client, username, "not-the-password", f"203.0.113.{number + 1}")


def test_thirty_usernames_tried_once_from_one_address_pause_that_address(client, sam):
    fail_as_many_usernames(client, 30)

    response = sign_in(client, "sam.taylor", PASSWORD)

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "_auth_user_id" not in client.session


def test_twenty_nine_usernames_from_one_address_still_allow_a_right_password(client, sam):
    fail_as_many_usernames(client, 29)

    response = sign_in(client, "sam.taylor", PASSWORD)

    assert response.status_code == HTTPStatus.FOUND


def test_a_paused_address_does_not_stop_another_address(client, sam):
    fail_as_many_usernames(client, 30)

    response = sign_in(client, "sam.taylor", PASSWORD, address="198.51.100.99")

    assert response.status_code == HTTPStatus.FOUND


def test_fifty_failures_for_one_username_from_many_addresses_pause_that_username(client, sam):
    fail_from_many_addresses(client, "sam.taylor", 50)

    response = sign_in(client, "sam.taylor", PASSWORD, address="192.0.2.200")

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_forty_nine_failures_for_one_username_from_many_addresses_still_allow_it(client, sam):
    fail_from_many_addresses(client, "sam.taylor", 49)

    response = sign_in(client, "sam.taylor", PASSWORD, address="192.0.2.200")

    assert response.status_code == HTTPStatus.FOUND


def test_the_limits_come_from_settings(client, sam, settings):
    settings.SIGN_IN_LIMIT_PER_ADDRESS = 3
    fail_as_many_usernames(client, 3)

    response = sign_in(client, "sam.taylor", PASSWORD)

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_a_try_during_the_pause_does_not_make_it_longer(client, sam):
    for _ in range(10):
        sign_in(client, "sam.taylor", "not-the-password")
    locked_at = timezone.now() - timedelta(minutes=10)
    AccessAttempt.objects.update(attempt_time=locked_at)

    still_paused = sign_in(client, "sam.taylor", "not-the-password")

    assert still_paused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert AccessAttempt.objects.get().attempt_time == locked_at
    assert AccessAttempt.objects.get().failures_since_start == 10


def test_the_pause_ends_fifteen_minutes_after_the_failure_that_began_it_despite_tries_during_it(client, sam):
    for _ in range(10):
        sign_in(client, "sam.taylor", "not-the-password")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=10))
    sign_in(client, "sam.taylor", "not-the-password")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))

    response = sign_in(client, "sam.taylor", PASSWORD)

    assert response.status_code == HTTPStatus.FOUND


def test_signing_in_to_ones_own_account_does_not_clear_an_addresss_failures(client, sam):
    fail_as_many_usernames(client, 29)
    sign_in(client, "sam.taylor", PASSWORD)
    client.logout()
    sign_in(client, "guess-x", "not-the-password")

    response = sign_in(client, "sam.taylor", PASSWORD)

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_signing_in_clears_that_usernames_failures_from_every_address(client, sam):
    fail_from_many_addresses(client, "sam.taylor", 3)

    sign_in(client, "sam.taylor", PASSWORD)

    assert not AccessAttempt.objects.filter(username="sam.taylor").exists()


def test_a_pause_reached_on_the_address_limit_sends_axes_locked_out_signal(client, sam):
    received = []
    user_locked_out.connect(
        lambda sender, **kwargs: received.append(kwargs["ip_address"]), weak=False, dispatch_uid="t"
    )
    try:
        fail_as_many_usernames(client, 30)
    finally:
        user_locked_out.disconnect(dispatch_uid="t")

    assert received == [HOME]


def test_behind_one_proxy_a_spoofed_left_most_forwarded_address_does_not_escape_the_address_limit(
    client, sam, settings
):
    settings.AXES_IPWARE_PROXY_COUNT = 1
    for number in range(30):
        # The client makes up the left entry each time; the proxy appends the address it really saw.
        spoofed = f"10.9.8.{number + 1}, 203.0.113.50"
        sign_in(client, f"guess-{number}", "not-the-password", HTTP_X_FORWARDED_FOR=spoofed)

    response = sign_in(client, "sam.taylor", PASSWORD, HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.50")

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.50"}
