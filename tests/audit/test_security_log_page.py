"""The security log page: board managers read and filter it; nobody can add, change or delete a row from it."""

from datetime import datetime
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import SecurityEvent
from tests.audit.conftest import forget_setup
from tests.audit.factories import SecurityEventFactory

Kind = SecurityEvent.Kind
URL = reverse("audit:security_log")
pytestmark = pytest.mark.django_db


def at(year, month, day):
    return timezone.make_aware(datetime(year, month, day, 12))


def backdate(event, when):
    # happened_at is set on insert and rows cannot be saved again: tests move them in time with update().
    SecurityEvent.objects.filter(pk=event.pk).update(happened_at=when)


def listed(response) -> list[str]:
    return [row.record.username for row in response.context["table"].paginated_rows]


@pytest.mark.parametrize("persona_client", ["reader_client", "contributor_client", "training_admin_client"])
def test_only_board_managers_may_read_the_log(persona_client, request):
    response = request.getfixturevalue(persona_client).get(URL)

    assert response.status_code == HTTPStatus.FORBIDDEN


def test_the_manager_reads_the_log_newest_first(manager_client):
    forget_setup()
    older = SecurityEventFactory(username="older")
    SecurityEventFactory(username="newer")
    backdate(older, at(2026, 1, 5))

    response = manager_client.get(URL)

    assert response.status_code == HTTPStatus.OK
    assert listed(response) == ["newer", "older"]
    assert "5 January 2026, 12:00" in response.content.decode()


def test_the_menu_links_to_the_log_for_managers(manager_client):
    response = manager_client.get(reverse("home"))

    assert f'href="{URL}"' in response.content.decode()


def test_the_menu_has_no_link_to_the_log_for_readers(reader_client):
    response = reader_client.get(reverse("home"))

    assert f'href="{URL}"' not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": Kind.SIGN_IN_FAILED}, ["guess"]),
        ({"username": "GUE"}, ["guess"]),
        ({"address": "203.0.113."}, ["guess"]),
        ({"path": "retention"}, ["refused"]),
        ({"date_from": "2026-03-01", "date_to": "2026-03-01"}, ["refused"]),
    ],
)
def test_the_manager_filters_the_log(manager_client, query, expected):
    forget_setup()
    SecurityEventFactory(username="guess", kind=Kind.SIGN_IN_FAILED, address="203.0.113.9")
    refused = SecurityEventFactory(username="refused", kind=Kind.PERMISSION_DENIED, path="/retention/")
    backdate(refused, at(2026, 3, 1))

    response = manager_client.get(URL, query)

    assert listed(response) == expected


def test_a_date_that_is_not_one_is_explained(manager_client):
    response = manager_client.get(URL, {"date_from": "31/31/2026"})

    assert response.status_code == HTTPStatus.OK
    assert "Enter a date such as 4 December 2026." in response.content.decode()


def test_a_to_date_before_the_from_date_is_explained(manager_client):
    response = manager_client.get(URL, {"date_from": "2026-03-02", "date_to": "2026-03-01"})

    assert "The “to” date must be on or after the “from” date." in response.content.decode()


def test_the_page_takes_the_same_queries_however_many_rows(manager_client, django_assert_num_queries):
    SecurityEventFactory.create_batch(30)

    # session, user, the user's permissions (own, then by group), row count, one page of rows
    with django_assert_num_queries(5):
        response = manager_client.get(URL, {"kind": Kind.SIGN_IN})

    assert len(listed(response)) == 25


def test_the_log_cannot_be_written_through_the_page(manager_client):
    count = SecurityEvent.objects.count()

    response = manager_client.post(URL, {"kind": Kind.SIGN_IN, "username": "forged"})

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert SecurityEvent.objects.count() == count
