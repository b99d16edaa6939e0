"""Setting up an authenticator app needs the password typed again, and tells the person by e-mail."""

import re
import time
from http import HTTPStatus
from urllib.parse import urlencode

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from mscb.fresh_password import CONFIRMED_AT_KEY
from objectives.models import EmailKind, EmailLog

PLANS = "/plans/"
PASSWORD = "a-long-test-password"


@pytest.fixture
def mfa_on(settings):
    settings.MFA_REQUIRED = True


def with_next(url_name, next_url=PLANS):
    return f"{reverse(url_name)}?{urlencode({'next': next_url})}"


def type_password(client, password=PASSWORD):
    return client.post(reverse("two_factor_password"), {"password": password, "next": PLANS})


def code_for(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def set_up_app(client, user):
    client.get(reverse("two_factor_enrol"))
    device = TOTPDevice.objects.get(user=user)
    return client.post(reverse("two_factor_enrol"), {"code": code_for(device), "next": PLANS})


def test_the_set_up_page_first_asks_for_the_password_and_makes_no_secret(mfa_on, reader_client, reader):
    response = reader_client.get(with_next("two_factor_enrol"))

    assert response.url == with_next("two_factor_password")
    assert not TOTPDevice.objects.filter(user=reader).exists()


def test_the_password_page_has_one_heading_and_a_labelled_field(mfa_on, reader_client, django_assert_num_queries):
    with django_assert_num_queries(3):
        response = reader_client.get(with_next("two_factor_password"))

    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert page.count("<h1") == 1
    assert re.search(r'<label\s+for="id_password"', page)
    assert 'autocomplete="current-password"' in page


def test_the_right_password_leads_on_to_the_set_up_page(mfa_on, reader_client):
    response = type_password(reader_client)

    assert response.url == with_next("two_factor_enrol")
    assert reader_client.get(response.url).status_code == HTTPStatus.OK


def test_a_wrong_password_is_refused_and_counted_as_a_failed_sign_in(mfa_on, reader_client, reader):
    response = type_password(reader_client, "not-the-password")

    assert response.status_code == HTTPStatus.OK
    assert "That password is not right" in response.content.decode()
    assert CONFIRMED_AT_KEY not in reader_client.session
    assert AccessAttempt.objects.get(username=reader.username).failures_since_start == 1


def test_ten_wrong_passwords_pause_it_as_they_pause_sign_in(mfa_on, reader_client):
    for _ in range(10):
        type_password(reader_client, "not-the-password")

    response = type_password(reader_client)

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Signing in is paused" in response.content.decode()
    assert CONFIRMED_AT_KEY not in reader_client.session


def test_a_password_typed_over_ten_minutes_ago_is_asked_for_again(mfa_on, reader_client, monkeypatch):
    type_password(reader_client)
    later = time.time() + 11 * 60
    monkeypatch.setattr(time, "time", lambda: later)

    response = reader_client.get(with_next("two_factor_enrol"))

    assert response.url == with_next("two_factor_password")


def test_adding_an_app_e_mails_the_person_through_the_e_mail_log(mfa_on, reader_client, reader, mailoutbox):
    type_password(reader_client)

    response = set_up_app(reader_client, reader)

    assert response.url == PLANS
    log = EmailLog.objects.get(recipient=reader)
    assert (log.kind, log.status, log.address) == (EmailKind.TWO_FACTOR_ADDED, EmailLog.Status.SENT, reader.email)
    [email] = mailoutbox
    assert email.to == [reader.email]
    assert "an authenticator app was added to your account" in email.subject
    assert "tell the site administrator straight away" in email.body


def test_a_wrong_code_sends_no_notice(mfa_on, reader_client, reader, mailoutbox):
    type_password(reader_client)
    reader_client.get(reverse("two_factor_enrol"))

    reader_client.post(reverse("two_factor_enrol"), {"code": "000000", "next": PLANS})

    assert not EmailLog.objects.exists()


def test_the_typed_password_is_used_up_by_the_set_up(mfa_on, reader_client, reader):
    type_password(reader_client)

    set_up_app(reader_client, reader)

    assert CONFIRMED_AT_KEY not in reader_client.session


def test_a_verified_user_is_sent_on_from_the_password_page(mfa_on, reader_client, reader):
    device = TOTPDevice.objects.create(user=reader, name="Authenticator app", confirmed=True)
    reader_client.post(reverse("two_factor_verify"), {"code": code_for(device), "next": PLANS})

    response = reader_client.get(with_next("two_factor_password"))

    assert response.url == PLANS


def test_the_password_page_needs_a_sign_in(mfa_on, client, db):
    response = client.get(reverse("two_factor_password"))

    assert response.url.startswith(reverse("login"))
