"""TRACE and TRACK are refused (405) on every kind of page, signed in or not, before a session, user or view
is looked at: a query would mean something ran first."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.factories import AimFactory

pytestmark = pytest.mark.django_db


def pages() -> dict[str, str]:
    aim = AimFactory()
    return {
        # A function view open to any method: before the middleware it answered a manager's TRACE with the file.
        "function view": reverse("objectives:plan_export", args=[aim.plan.pk, "csv"]),
        "POST-only function view": reverse("objectives:aim_restore", args=[aim.pk]),
        "class view": reverse("objectives:aim_update", args=[aim.pk]),
        "public page": reverse("public:index"),
        "sign-in page": reverse("login"),
    }


@pytest.mark.parametrize("method", ["TRACE", "TRACK"])
def test_trace_and_track_are_refused_to_nobody_signed_in(client, method, django_assert_num_queries):
    for page, path in pages().items():
        with django_assert_num_queries(0):
            response = client.generic(method, path)

        assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED, page
        assert response["Allow"] == "GET, HEAD, POST, OPTIONS"


@pytest.mark.parametrize("method", ["TRACE", "TRACK"])
def test_trace_and_track_are_refused_to_a_signed_in_manager(manager_client, method, django_assert_num_queries):
    for page, path in pages().items():
        with django_assert_num_queries(0):
            response = manager_client.generic(method, path)

        assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED, page
        assert "sessionid" not in response.cookies


def test_the_test_clients_own_trace_is_refused_too(manager_client):
    response = manager_client.trace(reverse("public:index"))

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
