"""However active, a session ends SESSION_ABSOLUTE_SECONDS (12 hours) after sign-in."""

import time
from http import HTTPStatus

import pytest
from django.urls import reverse

from mscb.middleware import SIGNED_IN_AT_KEY, seconds_until_signed_out
from tests.mscb.idle_sessions import set_active_at

HOURS = 60 * 60


def move_time_on(monkeypatch, seconds):
    later = time.time() + seconds
    monkeypatch.setattr(time, "time", lambda: later)


def keep_active(client):
    """A request a minute ago, as someone working all day would have made."""
    set_active_at(client, seconds_ago=0)


@pytest.fixture
def signed_in(reader_client):
    return reader_client


def test_signing_in_stamps_the_time(signed_in):
    assert abs(signed_in.session[SIGNED_IN_AT_KEY] - time.time()) < 5


def test_an_active_session_just_under_twelve_hours_old_keeps_going(signed_in, monkeypatch):
    move_time_on(monkeypatch, 12 * HOURS - 60)
    keep_active(signed_in)

    response = signed_in.get(reverse("objectives:plan_list"))

    assert response.status_code == HTTPStatus.OK


def test_an_active_session_over_twelve_hours_old_is_signed_out(signed_in, monkeypatch):
    move_time_on(monkeypatch, 12 * HOURS + 60)
    keep_active(signed_in)

    response = signed_in.get(reverse("objectives:plan_list"))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))
    assert "_auth_user_id" not in signed_in.session


def test_the_limit_comes_from_the_setting(signed_in, monkeypatch, settings):
    settings.SESSION_ABSOLUTE_SECONDS = 2 * HOURS
    move_time_on(monkeypatch, 2 * HOURS + 60)
    keep_active(signed_in)

    response = signed_in.get(reverse("objectives:plan_list"))

    assert response.status_code == HTTPStatus.FOUND


def test_a_session_without_the_stamp_counts_from_its_next_request(signed_in, monkeypatch):
    session = signed_in.session
    del session[SIGNED_IN_AT_KEY]
    session.save()
    signed_in.get(reverse("objectives:plan_list"))
    move_time_on(monkeypatch, 12 * HOURS + 60)
    keep_active(signed_in)

    response = signed_in.get(reverse("objectives:plan_list"))

    assert response.status_code == HTTPStatus.FOUND


def test_the_warning_counts_down_to_the_twelve_hour_end_when_that_comes_first(signed_in, monkeypatch):
    move_time_on(monkeypatch, 12 * HOURS - 5 * 60)
    keep_active(signed_in)

    assert 4 * 60 <= seconds_until_signed_out(signed_in.session) <= 5 * 60
