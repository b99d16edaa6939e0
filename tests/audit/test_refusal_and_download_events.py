"""Every refusal (403) and every file sent to a signed-in person is logged, heard by one middleware."""

from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse

from audit.models import SecurityEvent
from tests.audit.conftest import events
from tests.factories import BusinessPlanFactory

Kind = SecurityEvent.Kind
pytestmark = pytest.mark.django_db


def test_a_page_refused_to_a_reader_is_logged_with_who_where_and_what(reader_client, reader):
    response = reader_client.get(reverse("retention:index"), REMOTE_ADDR="198.51.100.4")

    assert response.status_code == HTTPStatus.FORBIDDEN
    [event] = events(Kind.PERMISSION_DENIED)
    assert (event.user, event.username, event.address) == (reader, "chair", "198.51.100.4")
    assert (event.method, event.path, event.detail) == ("GET", "/retention/", "Refused at retention:index")


def test_a_failed_csrf_check_is_logged(reader):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)

    response = client.post(reverse("logout"))

    assert response.status_code == HTTPStatus.FORBIDDEN
    [event] = events(Kind.PERMISSION_DENIED)
    assert (event.user, event.method, event.path) == (reader, "POST", "/accounts/logout/")


def test_a_download_is_logged_with_the_url_name_and_file_name(reader_client, reader):
    plan = BusinessPlanFactory(title="2025/26")

    response = reader_client.get(reverse("objectives:plan_export", args=[plan.pk, "csv"]))

    assert response["Content-Disposition"].startswith("attachment")
    [event] = events(Kind.DOWNLOAD)
    assert (event.user, event.path) == (reader, f"/plans/{plan.pk}/export.csv")
    assert event.detail == "objectives:plan_export: business-plan-2025-26.csv"


def test_an_ordinary_page_is_not_logged_as_a_download(reader_client):
    reader_client.get(reverse("objectives:plan_list"))

    assert not events(Kind.DOWNLOAD)
