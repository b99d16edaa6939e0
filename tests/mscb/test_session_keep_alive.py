"""The idle-session warning's "Stay signed in" (mscb.session_views.keep_alive) and the timings it is drawn with."""

import re
import time
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mscb.middleware import ACTIVE_AT_KEY
from objectives import roles
from tests.factories import UserFactory
from tests.mscb.idle_sessions import set_active_at, stored_session

pytestmark = pytest.mark.django_db

KEEP_ALIVE = reverse("session_keep_alive")


@pytest.fixture
def sam(db):
    return UserFactory(username="sam.taylor", roles=[roles.READERS])


def last_active(client, seconds_ago):
    """Stamp the session as last active `seconds_ago`, with the expiry the store would have given it then."""
    set_active_at(client, seconds_ago)
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() + timedelta(minutes=30) - timedelta(seconds=seconds_ago)
    )


def test_staying_signed_in_restarts_the_idle_time_within_the_minute_an_ordinary_page_would_not(client, sam):
    client.force_login(sam)
    last_active(client, seconds_ago=50)

    response = client.post(KEEP_ALIVE)

    assert response.status_code == HTTPStatus.NO_CONTENT
    assert client.session[ACTIVE_AT_KEY] >= int(time.time()) - 1
    assert stored_session(client).expire_date - timezone.now() > timedelta(minutes=29, seconds=50)


def test_staying_signed_in_after_the_session_ended_is_sent_to_sign_in(client, sam):
    client.force_login(sam)
    last_active(client, seconds_ago=31 * 60)

    response = client.post(KEEP_ALIVE)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))
    assert "_auth_user_id" not in client.session


def test_nobody_signed_in_is_sent_to_sign_in(client):
    response = client.post(KEEP_ALIVE)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))


def test_it_takes_only_a_post(client, sam):
    client.force_login(sam)

    assert client.get(KEEP_ALIVE).status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_a_post_without_the_csrf_token_is_refused_and_one_with_it_goes_through(sam):
    client = Client(enforce_csrf_checks=True)
    client.force_login(sam)
    page = client.get(reverse("objectives:plan_list"))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)

    refused = client.post(KEEP_ALIVE)
    allowed = client.post(KEEP_ALIVE, {"csrfmiddlewaretoken": token})

    assert refused.status_code == HTTPStatus.FORBIDDEN
    assert allowed.status_code == HTTPStatus.NO_CONTENT


def warning_dialog(response) -> str:
    match = re.search(r"<dialog[^>]*data-session-warning[^>]*>", response.content.decode())
    return match.group(0) if match else ""


def test_the_warning_is_drawn_with_the_time_the_session_has_left_and_the_settings(client, sam, settings):
    settings.SESSION_WARNING_SECONDS = 45
    client.force_login(sam)
    last_active(client, seconds_ago=40)

    dialog = warning_dialog(client.get(reverse("objectives:plan_list")))

    seconds_left = int(re.search(r'data-seconds-left="(\d+)"', dialog).group(1))
    assert 30 * 60 - 42 <= seconds_left <= 30 * 60 - 40
    assert 'data-idle-seconds="1800"' in dialog
    assert 'data-warning-seconds="45"' in dialog


def test_nobody_signed_in_gets_no_warning(client):
    response = client.get(reverse("login"))

    assert response.status_code == HTTPStatus.OK
    assert warning_dialog(response) == ""
