"""Password reset: requests limited per address and per account, and reset links that last an hour."""

import re
from datetime import datetime, timedelta
from http import HTTPStatus

import pytest
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mscb.models import PasswordResetRequest
from objectives import roles
from tests.factories import UserFactory

HOME = "198.51.100.7"


@pytest.fixture
def sam(db):
    return UserFactory(username="sam.taylor", email="sam.taylor@council.example", roles=[roles.READERS])


def ask_for_reset(client, email, address=HOME, **extra):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address, **extra)


def move_time_on(monkeypatch, delta):
    """Token ages are read from PasswordResetTokenGenerator._now (Django's), so that is what moves."""
    later = datetime.now() + delta
    monkeypatch.setattr(PasswordResetTokenGenerator, "_now", lambda self: later)


def link_path(email_message):
    return re.search(r"http://testserver(/accounts/reset/\S+)", email_message.body).group(1)


def test_five_requests_an_hour_from_one_address_then_a_page_saying_to_wait(client, sam, mailoutbox):
    for number in range(5):
        ask_for_reset(client, f"someone-{number}@example.org")

    response = ask_for_reset(client, sam.email)

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    page = response.content.decode()
    assert "Password reset is paused" in page
    assert sam.email not in page
    assert mailoutbox == []


def test_another_address_may_still_ask(client, sam, mailoutbox):
    for number in range(5):
        ask_for_reset(client, f"someone-{number}@example.org")

    response = ask_for_reset(client, sam.email, address="198.51.100.99")

    assert response.url == reverse("password_reset_done")
    assert len(mailoutbox) == 1


def test_a_fourth_request_for_one_account_in_an_hour_looks_the_same_but_sends_nothing(client, sam, mailoutbox):
    for number in range(3):
        ask_for_reset(client, sam.email, address=f"203.0.113.{number + 1}")

    response = ask_for_reset(client, sam.email.upper(), address="203.0.113.9")

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("password_reset_done")
    assert len(mailoutbox) == 3


def test_the_account_limit_answers_as_an_unknown_address_does(client, sam, mailoutbox):
    for _ in range(3):
        ask_for_reset(client, sam.email, address="203.0.113.1")

    limited = ask_for_reset(client, sam.email, address="203.0.113.2")
    unknown = ask_for_reset(client, "nobody@example.org", address="203.0.113.3")

    assert (limited.status_code, limited.url) == (unknown.status_code, unknown.url)


def test_requests_over_an_hour_old_no_longer_count(client, sam, mailoutbox):
    for _ in range(3):
        ask_for_reset(client, sam.email)
    PasswordResetRequest.objects.update(requested_at=timezone.now() - timedelta(minutes=61))

    ask_for_reset(client, sam.email)

    assert len(mailoutbox) == 4
    assert PasswordResetRequest.objects.count() == 1


def test_the_limits_come_from_settings(client, sam, mailoutbox, settings):
    settings.PASSWORD_RESET_LIMIT_PER_ACCOUNT = 1
    ask_for_reset(client, sam.email)

    ask_for_reset(client, sam.email)

    assert len(mailoutbox) == 1


def test_behind_one_proxy_a_spoofed_left_most_forwarded_address_is_not_what_is_counted(client, sam, settings):
    settings.AXES_IPWARE_PROXY_COUNT = 1

    ask_for_reset(client, sam.email, HTTP_X_FORWARDED_FOR="10.9.8.7, 203.0.113.50")

    assert PasswordResetRequest.objects.get().ip_address == "203.0.113.50"


# How long the link lasts


def test_the_e_mail_says_the_link_works_within_an_hour(client, sam, mailoutbox):
    ask_for_reset(client, sam.email)

    assert "The link works once, within an hour." in mailoutbox[0].body


def test_a_reset_link_works_within_the_hour(client, sam, mailoutbox, monkeypatch):
    ask_for_reset(client, sam.email)
    move_time_on(monkeypatch, timedelta(minutes=59))

    page = Client().get(link_path(mailoutbox[0]), follow=True)

    assert "Choose a new password" in page.content.decode()


def test_a_reset_link_no_longer_works_after_an_hour(client, sam, mailoutbox, monkeypatch):
    ask_for_reset(client, sam.email)
    move_time_on(monkeypatch, timedelta(minutes=61))

    page = Client().get(link_path(mailoutbox[0]), follow=True)

    assert "This link no longer works" in page.content.decode()


def test_an_invitation_link_still_works_the_next_morning(manager_client, mailoutbox, monkeypatch):
    invited = {"first_name": "Jo", "last_name": "Bloggs", "email": "jo@police.example", "role": roles.READERS}
    manager_client.post(reverse("objectives:person_create"), invited)
    move_time_on(monkeypatch, timedelta(hours=23))

    page = Client().get(link_path(mailoutbox[0]), follow=True)

    assert "This link no longer works" not in page.content.decode()
    assert "within 24 hours" in mailoutbox[0].body


def test_an_invitation_link_stops_after_a_day(manager_client, mailoutbox, monkeypatch):
    invited = {"first_name": "Jo", "last_name": "Bloggs", "email": "jo@police.example", "role": roles.READERS}
    manager_client.post(reverse("objectives:person_create"), invited)
    move_time_on(monkeypatch, timedelta(hours=25))

    page = Client().get(link_path(mailoutbox[0]), follow=True)

    assert "This link no longer works" in page.content.decode()
