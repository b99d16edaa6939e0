"""Two-factor sign-in with an authenticator app (TOTP), required when MFA_REQUIRED is on."""

import re
from base64 import b32encode
from datetime import timedelta
from http import HTTPStatus
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

PLANS = "/plans/"


@pytest.fixture
def mfa_on(settings):
    settings.MFA_REQUIRED = True


@pytest.fixture
def reader_with_app(reader):
    return TOTPDevice.objects.create(user=reader, name="Authenticator app", confirmed=True)


@pytest.fixture
def password_typed_again(reader_client):
    """Setting up an app asks for the password again first (mscb.fresh_password)."""
    reader_client.post(reverse("two_factor_password"), {"password": "a-long-test-password"})


def code_for(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def wrong_code_for(device):
    return f"{(int(code_for(device)) + 500_000) % 1_000_000:06d}"


def with_next(url_name, next_url=PLANS):
    return f"{reverse(url_name)}?{urlencode({'next': next_url})}"


def test_with_mfa_off_a_signed_in_user_goes_straight_to_the_page(reader_client):
    response = reader_client.get(PLANS)

    assert response.status_code == HTTPStatus.OK


def test_a_signed_in_user_without_an_app_is_sent_to_set_one_up(mfa_on, reader_client):
    response = reader_client.get(PLANS)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == with_next("two_factor_enrol")


def test_the_set_up_page_shows_the_key_as_text_and_a_qr_code_drawn_on_the_server(
    mfa_on, password_typed_again, reader_client, reader
):
    response = reader_client.get(with_next("two_factor_enrol"))

    assert response.status_code == HTTPStatus.OK
    device = TOTPDevice.objects.get(user=reader, confirmed=False)
    key = b32encode(device.bin_key).decode()
    page = response.content.decode()
    assert " ".join(key[start : start + 4] for start in range(0, len(key), 4)) in page
    assert 'src="data:image/svg+xml' in page
    assert 'alt="QR code that adds' in page
    assert re.search(r'<label\s+for="id_code"', page)


def test_reloading_the_set_up_page_keeps_the_same_key(mfa_on, password_typed_again, reader_client, reader):
    reader_client.get(reverse("two_factor_enrol"))

    reader_client.get(reverse("two_factor_enrol"))

    assert TOTPDevice.objects.filter(user=reader).count() == 1


def test_a_correct_code_confirms_the_app_and_lets_the_user_through(mfa_on, password_typed_again, reader_client, reader):
    reader_client.get(with_next("two_factor_enrol"))
    device = TOTPDevice.objects.get(user=reader)

    response = reader_client.post(reverse("two_factor_enrol"), {"code": code_for(device), "next": PLANS})

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == PLANS
    device.refresh_from_db()
    assert device.confirmed
    assert reader_client.get(PLANS).status_code == HTTPStatus.OK


def test_a_code_with_a_space_in_the_middle_is_accepted(mfa_on, password_typed_again, reader_client, reader):
    reader_client.get(reverse("two_factor_enrol"))
    device = TOTPDevice.objects.get(user=reader)
    code = code_for(device)

    response = reader_client.post(reverse("two_factor_enrol"), {"code": f"{code[:3]} {code[3:]}", "next": PLANS})

    assert response.status_code == HTTPStatus.FOUND


def test_a_wrong_code_does_not_confirm_the_app(mfa_on, password_typed_again, reader_client, reader):
    reader_client.get(reverse("two_factor_enrol"))
    device = TOTPDevice.objects.get(user=reader)

    response = reader_client.post(reverse("two_factor_enrol"), {"code": wrong_code_for(device), "next": PLANS})

    assert response.status_code == HTTPStatus.OK
    assert "That code is not right" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert reader_client.get(PLANS).url == with_next("two_factor_enrol")


def test_a_code_that_is_not_six_digits_is_refused_with_a_message(mfa_on, password_typed_again, reader_client):
    reader_client.get(reverse("two_factor_enrol"))

    response = reader_client.post(reverse("two_factor_enrol"), {"code": "12ab", "next": PLANS})

    assert response.status_code == HTTPStatus.OK
    assert "Enter the 6 digits your authenticator app shows" in response.content.decode()


def test_a_user_with_an_app_is_asked_for_a_code(mfa_on, reader_client, reader_with_app):
    response = reader_client.get(PLANS)

    assert response.url == with_next("two_factor_verify")


def test_the_code_page_has_one_heading_and_a_labelled_field(mfa_on, reader_client, reader_with_app):
    response = reader_client.get(with_next("two_factor_verify"))

    page = response.content.decode()
    assert page.count("<h1") == 1
    assert re.search(r'<label\s+for="id_code"', page)
    assert "Ask the site administrator to reset your two-factor sign-in" in page


def test_the_right_code_verifies_the_session(mfa_on, reader_client, reader_with_app):
    response = reader_client.post(reverse("two_factor_verify"), {"code": code_for(reader_with_app), "next": PLANS})

    assert response.url == PLANS
    assert reader_client.get(PLANS).status_code == HTTPStatus.OK


def test_a_wrong_code_does_not_verify_the_session(mfa_on, reader_client, reader_with_app):
    response = reader_client.post(
        reverse("two_factor_verify"), {"code": wrong_code_for(reader_with_app), "next": PLANS}
    )

    assert response.status_code == HTTPStatus.OK
    assert "That code is not right" in response.content.decode()
    assert reader_client.get(PLANS).url == with_next("two_factor_verify")


def test_after_many_wrong_codes_even_the_right_one_must_wait(mfa_on, reader_client, reader_with_app):
    reader_with_app.throttling_failure_count = 6
    reader_with_app.throttling_failure_timestamp = timezone.now()
    reader_with_app.save()

    response = reader_client.post(reverse("two_factor_verify"), {"code": code_for(reader_with_app), "next": PLANS})

    assert "Wait 32 seconds before entering another code" in response.content.decode()
    assert reader_client.get(PLANS).url == with_next("two_factor_verify")


def test_after_very_many_wrong_codes_the_user_is_told_to_ask_the_administrator(mfa_on, reader_client, reader_with_app):
    reader_with_app.throttling_failure_count = 20
    reader_with_app.throttling_failure_timestamp = timezone.now()
    reader_with_app.save()

    response = reader_client.post(reverse("two_factor_verify"), {"code": code_for(reader_with_app), "next": PLANS})

    assert "There have been too many wrong codes. Ask the site administrator" in response.content.decode()


def test_a_user_with_an_app_cannot_set_up_another(mfa_on, reader_client, reader, reader_with_app):
    response = reader_client.get(with_next("two_factor_enrol"))

    assert response.url == with_next("two_factor_verify")
    assert TOTPDevice.objects.filter(user=reader).count() == 1


def test_a_next_address_on_another_site_is_ignored(mfa_on, reader_client, reader_with_app):
    response = reader_client.post(
        reverse("two_factor_verify"), {"code": code_for(reader_with_app), "next": "https://evil.example/"}
    )

    assert response.url == reverse("home")


def test_verifying_gives_the_session_a_new_key(mfa_on, reader_client, reader_with_app):
    old_key = reader_client.session.session_key

    reader_client.post(reverse("two_factor_verify"), {"code": code_for(reader_with_app), "next": PLANS})

    assert reader_client.session.session_key != old_key


def test_an_unverified_user_can_sign_out(mfa_on, reader_client, reader_with_app):
    response = reader_client.post(reverse("logout"))

    assert response.url == reverse("login")


@pytest.mark.parametrize("url_name", ["login", "password_reset", "password_reset_done", "password_reset_complete"])
def test_sign_in_and_password_reset_pages_open_anonymously_with_mfa_on(mfa_on, client, db, url_name):
    response = client.get(reverse(url_name))

    assert response.status_code == HTTPStatus.OK


def test_the_two_factor_pages_need_a_password_sign_in_first(mfa_on, client, db):
    response = client.get(reverse("two_factor_verify"))

    assert response.url.startswith(reverse("login"))


def test_the_admin_needs_the_second_factor_too(mfa_on, admin_client):
    response = admin_client.get(reverse("admin:index"))

    assert response.url == with_next("two_factor_enrol", reverse("admin:index"))


def test_the_admin_lists_authenticator_apps(admin_client, reader_with_app):
    response = admin_client.get(reverse("admin:otp_totp_totpdevice_changelist"))

    assert response.status_code == HTTPStatus.OK
    assert "chair" in response.content.decode()


def test_deleting_the_app_in_the_admin_brings_back_set_up(mfa_on, client, reader, reader_with_app, admin_user):
    admin_app = TOTPDevice.objects.create(user=admin_user, name="Authenticator app", confirmed=True)
    client.force_login(admin_user)
    client.post(reverse("two_factor_verify"), {"code": code_for(admin_app), "next": "/admin/"})

    deleted = client.post(reverse("admin:otp_totp_totpdevice_delete", args=[reader_with_app.pk]), {"post": "yes"})

    assert deleted.url == reverse("admin:otp_totp_totpdevice_changelist")
    client.force_login(reader)
    assert client.get(PLANS).url == with_next("two_factor_enrol")


def test_a_verified_session_stays_verified_across_pages(mfa_on, reader_client, reader_with_app):
    reader_client.post(reverse("two_factor_verify"), {"code": code_for(reader_with_app), "next": PLANS})

    responses = [reader_client.get(PLANS), reader_client.get(reverse("objectives:action_list"))]

    assert [response.status_code for response in responses] == [HTTPStatus.OK, HTTPStatus.OK]


def test_the_setting_is_read_on_every_request(settings, reader_client, reader_with_app):
    settings.MFA_REQUIRED = True
    assert reader_client.get(PLANS).status_code == HTTPStatus.FOUND
    settings.MFA_REQUIRED = False

    response = reader_client.get(PLANS)

    assert response.status_code == HTTPStatus.OK


def test_a_wait_that_has_passed_no_longer_blocks_the_code(mfa_on, reader_client, reader_with_app):
    reader_with_app.throttling_failure_count = 1
    reader_with_app.throttling_failure_timestamp = timezone.now() - timedelta(seconds=5)
    reader_with_app.save()

    response = reader_client.post(reverse("two_factor_verify"), {"code": code_for(reader_with_app), "next": PLANS})

    assert response.url == PLANS
