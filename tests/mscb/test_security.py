"""Sign-in hardening: lockout after failed sign-ins, idle sessions, the Content-Security-Policy, password reset."""

import re
import time
from datetime import timedelta
from http import HTTPStatus
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from csp.middleware import CSPMiddleware
from django.contrib.sessions.models import Session
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from mscb.lockout import client_ip_address
from mscb.middleware import ACTIVE_AT_KEY
from objectives import roles
from tests.factories import UserFactory
from tests.mscb.idle_sessions import set_active_at, stored_session

PASSWORD = "a-long-test-password"
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@pytest.fixture
def sam(db):
    return UserFactory(username="sam.taylor", roles=[roles.READERS])


def sign_in(client, username, password, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def fail_to_sign_in(client, username, times, **extra):
    for _ in range(times):
        response = sign_in(client, username, "not-the-password", **extra)
    return response


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


# Lockout (django-axes)


def test_the_right_password_signs_in_through_the_form(client, sam):
    response = sign_in(client, "sam.taylor", PASSWORD)

    assert response.status_code == HTTPStatus.FOUND
    assert signed_in_user_id(client) == str(sam.pk)


def test_nine_wrong_passwords_still_allow_the_right_one(client, sam):
    fail_to_sign_in(client, "sam.taylor", 9)

    response = sign_in(client, "sam.taylor", PASSWORD)

    assert response.status_code == HTTPStatus.FOUND
    assert signed_in_user_id(client) == str(sam.pk)


def test_ten_wrong_passwords_lock_out_even_the_right_one(client, sam):
    fail_to_sign_in(client, "sam.taylor", 10)

    response = sign_in(client, "sam.taylor", PASSWORD)

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert signed_in_user_id(client) is None


def test_the_lockout_page_says_how_long_to_wait_and_nothing_about_the_account(client, sam):
    response = fail_to_sign_in(client, "sam.taylor", 10)

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    page = response.content.decode()
    assert "Signing in is paused" in page
    assert "15 minutes" in page
    assert "sam.taylor" not in page


def test_an_unknown_username_is_locked_out_the_same_way(client, db):
    response = fail_to_sign_in(client, "nobody-here", 10)

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Signing in is paused" in response.content.decode()


def test_a_lockout_does_not_stop_another_username_from_the_same_address(client, sam):
    other = UserFactory(username="alex", roles=[roles.READERS])
    fail_to_sign_in(client, "sam.taylor", 10)

    response = sign_in(client, "alex", PASSWORD)

    assert response.status_code == HTTPStatus.FOUND
    assert signed_in_user_id(client) == str(other.pk)


def test_a_lockout_does_not_stop_the_same_username_from_another_address(client, sam):
    fail_to_sign_in(client, "sam.taylor", 10, REMOTE_ADDR="198.51.100.7")

    response = sign_in(client, "sam.taylor", PASSWORD, REMOTE_ADDR="198.51.100.8")

    assert response.status_code == HTTPStatus.FOUND


def test_the_lockout_ends_after_fifteen_minutes(client, sam):
    fail_to_sign_in(client, "sam.taylor", 10)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))

    response = sign_in(client, "sam.taylor", PASSWORD)

    assert response.status_code == HTTPStatus.FOUND


def test_signing_in_clears_the_earlier_failures(client, sam):
    fail_to_sign_in(client, "sam.taylor", 9)
    sign_in(client, "sam.taylor", PASSWORD)
    client.logout()
    fail_to_sign_in(client, "sam.taylor", 9)

    response = sign_in(client, "sam.taylor", PASSWORD)

    assert response.status_code == HTTPStatus.FOUND


# The address a sign-in comes from


def test_forwarded_for_is_ignored_without_a_configured_proxy(settings):
    settings.AXES_IPWARE_PROXY_COUNT = 0
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.10", HTTP_X_FORWARDED_FOR="203.0.113.5")

    assert client_ip_address(request) == "192.0.2.10"


def test_behind_one_proxy_the_address_the_proxy_saw_is_used(settings):
    settings.AXES_IPWARE_PROXY_COUNT = 1
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.10", HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.5")

    # 10.9.9.9 came from the client itself and could be anything.
    assert client_ip_address(request) == "203.0.113.5"


def test_a_request_that_bypassed_the_proxy_uses_the_connecting_address(settings):
    settings.AXES_IPWARE_PROXY_COUNT = 1
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.10")

    assert client_ip_address(request) == "192.0.2.10"


def test_a_forwarded_for_entry_that_is_not_an_address_is_not_trusted(settings):
    settings.AXES_IPWARE_PROXY_COUNT = 1
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.10", HTTP_X_FORWARDED_FOR="<script>")

    assert client_ip_address(request) == "192.0.2.10"


def test_behind_a_proxy_a_lockout_is_per_forwarded_address(client, sam, settings):
    settings.AXES_IPWARE_PROXY_COUNT = 1
    fail_to_sign_in(client, "sam.taylor", 10, HTTP_X_FORWARDED_FOR="203.0.113.5")

    locked = sign_in(client, "sam.taylor", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.5")
    elsewhere = sign_in(client, "sam.taylor", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.6")

    assert locked.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert elsewhere.status_code == HTTPStatus.FOUND


# Sessions end after 30 minutes without a request


def test_a_new_session_expires_thirty_minutes_after_sign_in(client, sam):
    client.force_login(sam)

    expires_in = stored_session(client).expire_date - timezone.now()

    assert timedelta(minutes=29) < expires_in <= timedelta(minutes=30)


def test_a_session_idle_for_thirty_minutes_is_refused(client, sam):
    client.force_login(sam)
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )

    response = client.get(reverse("objectives:plan_list"))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))


def test_a_session_last_active_over_thirty_minutes_ago_is_signed_out(client, sam):
    client.force_login(sam)
    set_active_at(client, seconds_ago=31 * 60)

    response = client.get(reverse("objectives:plan_list"))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))


def test_an_active_session_keeps_going(client, sam):
    client.force_login(sam)
    set_active_at(client, seconds_ago=25 * 60)
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() + timedelta(minutes=5)
    )

    response = client.get(reverse("objectives:plan_list"))

    assert response.status_code == HTTPStatus.OK
    assert stored_session(client).expire_date - timezone.now() > timedelta(minutes=29)
    assert client.session[ACTIVE_AT_KEY] >= int(time.time()) - 5


def test_a_page_within_a_minute_of_the_last_one_writes_no_session(client, sam):
    client.force_login(sam)
    before = stored_session(client)

    response = client.get(reverse("objectives:plan_list"))

    assert response.status_code == HTTPStatus.OK
    after = stored_session(client)
    assert (after.expire_date, after.session_data) == (before.expire_date, before.session_data)


# Content-Security-Policy


def csp_directives(response):
    header = response.headers["Content-Security-Policy"]
    return {name: " ".join(values) for name, *values in (part.split() for part in header.split(";") if part.strip())}


def test_pages_carry_a_content_security_policy_without_inline_script(client, sam):
    client.force_login(sam)

    response = client.get(reverse("objectives:plan_list"))

    assert csp_directives(response) == {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": "'self' data:",
        "object-src": "'none'",
        "base-uri": "'self'",
        "frame-ancestors": "'none'",
        "form-action": "'self'",
    }


def test_the_sign_in_page_carries_the_content_security_policy(client, db):
    response = client.get(reverse("login"))

    assert csp_directives(response)["script-src"] == "'self'"


def test_a_page_that_uses_the_nonce_may_have_its_own_style_element(rf):
    request = rf.get("/")
    middleware = CSPMiddleware(lambda request: HttpResponse(f'<style nonce="{request.csp_nonce}"></style>'))

    response = middleware(request)

    assert csp_directives(response)["style-src"] == f"'self' 'nonce-{request._csp_nonce}'"


_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
_EVENT_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
_STYLE_ATTRIBUTE = re.compile(r"<[^>]*\sstyle\s*=", re.IGNORECASE)
_JAVASCRIPT_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)


@pytest.mark.parametrize(
    ("pattern", "what"),
    [
        (_INLINE_SCRIPT, "a <script> without src"),
        (_EVENT_HANDLER, "an on...= event handler"),
        (_STYLE_ATTRIBUTE, "a style= attribute"),
        (_JAVASCRIPT_URL, "a javascript: URL"),
    ],
)
def test_no_template_has_what_the_content_security_policy_blocks(pattern, what):
    offenders = [
        str(path.relative_to(TEMPLATES))
        for path in sorted(TEMPLATES.rglob("*.html"))
        if pattern.search(path.read_text(encoding="utf-8"))
    ]

    assert not offenders, f"{what} in: {', '.join(offenders)}"


def test_the_template_scan_finds_an_inline_script_and_an_event_handler():
    assert _INLINE_SCRIPT.search("<script>alert(1)</script>")
    assert not _INLINE_SCRIPT.search('<script src="/static/js/report.js" defer></script>')
    assert _EVENT_HANDLER.search('<button type="button" onclick="go()">')
    assert not _EVENT_HANDLER.search('<button type="button" data-report-print>')


# Password reset


@pytest.mark.parametrize("url_name", ["login", "password_reset", "password_reset_done", "password_reset_complete"])
def test_sign_in_and_password_reset_pages_open_without_signing_in(client, db, url_name):
    response = client.get(reverse(url_name))

    assert response.status_code == HTTPStatus.OK
    assert response.content.decode().count("<h1") == 1


def test_the_sign_in_page_links_to_password_reset(client, db):
    response = client.get(reverse("login"))

    assert f'href="{reverse("password_reset")}">Forgotten your password?</a>' in response.content.decode()


def test_a_bad_reset_link_says_it_no_longer_works(client, db):
    response = client.get(reverse("password_reset_confirm", kwargs={"uidb64": "MQ", "token": "set-password-x"}))

    assert response.status_code == HTTPStatus.OK
    assert "This link no longer works" in response.content.decode()


def test_a_password_can_be_reset_by_e_mail(client, sam, mailoutbox, settings):
    response = client.post(reverse("password_reset"), {"email": sam.email})

    assert response.url == reverse("password_reset_done")
    [email] = mailoutbox
    assert email.subject == f"{settings.BOARD_NAME}: reset your password"
    link = re.search(r"http://testserver(/accounts/reset/\S+)", email.body).group(1)
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    new_password = "river-otter-lantern-42"
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password})
    assert done.url == reverse("password_reset_complete")
    sam.refresh_from_db()
    assert sam.check_password(new_password)


def test_a_short_new_password_is_refused(client, sam, mailoutbox):
    client.post(reverse("password_reset"), {"email": sam.email})
    link = re.search(r"http://testserver(/accounts/reset/\S+)", mailoutbox[0].body).group(1)
    form_page = client.get(link, follow=True)

    response = client.post(form_page.redirect_chain[-1][0], {"new_password1": "short1", "new_password2": "short1"})

    assert response.status_code == HTTPStatus.OK
    assert "at least 12 characters" in response.content.decode()
    sam.refresh_from_db()
    assert sam.check_password(PASSWORD)


def test_the_username_matches_whatever_its_case(client, sam):
    response = sign_in(client, "Sam.Taylor", PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(sam.pk)


def test_changing_the_usernames_case_does_not_dodge_the_lockout(client, sam):
    fail_to_sign_in(client, "sam.taylor", 5)
    fail_to_sign_in(client, "SAM.TAYLOR", 5)

    response = sign_in(client, "Sam.Taylor", PASSWORD)

    assert response.status_code == 429
