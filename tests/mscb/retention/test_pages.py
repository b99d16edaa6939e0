"""The retention page (periods, what is due, the log) and one person's records page, for the board manager."""

import json
from http import HTTPStatus

import pytest
from django.urls import reverse

from mscb.models import RetentionPolicy, RetentionRemoval
from tests.factories import UserFactory
from tests.training.factories import EvaluationFactory, RegistrationFactory
from training.erasure import ERASED_NAME
from training.models import Registration

from .records import at, upload

pytestmark = pytest.mark.django_db

URL = reverse("retention:index")
PEOPLE = reverse("retention:people")
EXPORT = reverse("retention:person_export")
ERASE = reverse("retention:person_erase")
ADDRESS = "jane.quill@example.org"


def _periods(**changes) -> dict:
    policy = RetentionPolicy.current()
    data = {
        "applied_imports_days": 90,
        "staged_imports_days": 30,
        "published_reports_months": 84,
        "attendee_details_months": 36,
        "version": policy.version,
    }
    return {**data, **changes}


def test_the_page_shows_the_periods_what_is_due_and_the_log(manager_client):
    upload(uploaded_at=at(2020, 1, 1))
    RetentionRemoval.objects.create(reason="schedule", kind="published committee reports", count=3, detail="id 9")

    response = manager_client.get(URL)

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert response.context["form"]["staged_imports_days"].value() == 30
    assert [(outcome.rule.kind, outcome.count) for outcome in response.context["due"]][1] == (
        "uploaded files never confirmed",
        1,
    )
    assert "Published committee reports" in page
    assert "The daily run" in page
    assert 'href="/retention/"' in page  # the nav's Retention link


def test_saving_the_periods_keeps_them_and_moves_the_version_on(manager_client):
    response = manager_client.post(URL, _periods(attendee_details_months=24), follow=True)

    policy = RetentionPolicy.current()
    assert response.redirect_chain[-1][0] == URL
    assert (policy.attendee_details_months, policy.version) == (24, 2)
    assert "Retention periods saved." in response.content.decode()


@pytest.mark.parametrize("value", ["0", "-3", "", "ten"])
def test_a_period_below_one_is_refused_with_what_to_enter(manager_client, value):
    response = manager_client.post(URL, _periods(staged_imports_days=value))

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["staged_imports_days"] == [
        "Enter a whole number of at least 1: nothing can be kept for less."
    ]
    assert RetentionPolicy.current().staged_imports_days == 30


def test_a_stale_save_is_refused_naming_who_saved_first(manager_client, board_manager):
    stale = _periods(applied_imports_days=10)
    manager_client.post(URL, _periods(applied_imports_days=60))

    response = manager_client.post(URL, stale)

    assert response.status_code == HTTPStatus.OK
    assert response.context["conflict"]
    assert RetentionPolicy.current().applied_imports_days == 60


def test_the_log_is_newest_first_and_paged(manager_client):
    for number in range(30):
        RetentionRemoval.objects.create(reason="schedule", kind=f"kind {number}", count=1)

    first = manager_client.get(URL)
    second = manager_client.get(URL, {"page": 2})

    assert [row.record.kind for row in first.context["table"].page.object_list][:2] == ["kind 29", "kind 28"]
    assert len(first.context["table"].page.object_list) == 25
    assert len(second.context["table"].page.object_list) == 5


def _log_rows(count):
    for _ in range(count):
        RetentionRemoval.objects.create(reason="request", kind="attendee", count=1, done_by=UserFactory())


@pytest.mark.parametrize("rows", [3, 30])
def test_the_retention_page_queries_do_not_grow_with_the_log(manager_client, django_assert_num_queries, rows):
    RetentionPolicy.current()
    _log_rows(rows)

    # session, user, permissions (own and group's); the policy; five counts of what is due; the log's count, and its
    # page joined to the people who erased
    with django_assert_num_queries(11):
        response = manager_client.get(URL)

    assert response.status_code == HTTPStatus.OK


def _booked(count):
    for _ in range(count):
        registration = RegistrationFactory(email=ADDRESS, attendee_name="Jane Quill", status="attended")
        EvaluationFactory(registration=registration)


def test_finding_a_person_shows_their_records_and_the_two_actions(manager_client):
    _booked(2)
    RegistrationFactory(email="someone.else@example.org", attendee_name="Someone Else")

    response = manager_client.post(PEOPLE, {"email": "Jane.Quill@Example.org"})

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert len(response.context["registrations"]) == 2
    assert "Jane Quill" in page
    assert "Someone Else" not in page
    assert "Download their records" in page
    assert "Erase their personal data" in page


def test_an_address_with_no_records_says_so(manager_client):
    response = manager_client.post(PEOPLE, {"email": "nobody@example.org"})

    assert "No training records are held for this address." in response.content.decode()


def test_an_address_that_is_not_one_is_refused(manager_client):
    response = manager_client.post(PEOPLE, {"email": "not an address"})

    assert response.context["form"].errors["email"] == ["Enter an e-mail address, such as name@example.org."]


@pytest.mark.parametrize("booked", [1, 6])
def test_the_person_page_queries_do_not_grow_with_their_records(manager_client, django_assert_num_queries, booked):
    _booked(booked)

    # session, user, permissions (own and group's); registrations with session, course and agency; evaluations;
    # links; e-mails logged; whether a user account has the address
    with django_assert_num_queries(8):
        response = manager_client.post(PEOPLE, {"email": ADDRESS})

    assert len(response.context["registrations"]) == booked


def test_their_records_download_as_a_json_file(manager_client):
    _booked(1)

    response = manager_client.post(EXPORT, {"email": ADDRESS})

    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="training-records-')
    records = json.loads(response.content)
    assert records["training_registrations"][0]["name"] == "Jane Quill"
    assert records["training_registrations"][0]["evaluations"][0]["relevance"] == 4


def test_a_download_without_an_address_goes_back_to_the_search(manager_client):
    response = manager_client.post(EXPORT, {})

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == PEOPLE


def test_erasing_asks_first_and_changes_nothing_until_confirmed(manager_client):
    _booked(1)

    response = manager_client.post(ERASE, {"email": ADDRESS})

    assert response.status_code == HTTPStatus.OK
    assert "This cannot be undone." in response.content.decode()
    assert Registration.objects.get().attendee_name == "Jane Quill"


def test_erasing_once_confirmed_anonymises_and_logs_by_reference(manager_client, board_manager):
    _booked(2)

    response = manager_client.post(ERASE, {"email": ADDRESS, "confirm": "yes"}, follow=True)

    assert "Erased: 2 registrations anonymised" in response.content.decode()
    assert set(Registration.objects.values_list("attendee_name", flat=True)) == {ERASED_NAME}
    log = RetentionRemoval.objects.get()
    assert (log.reason, log.count, log.done_by) == ("request", 2, board_manager)
    assert "Jane" not in log.detail
    assert ADDRESS not in log.detail
    assert "also cleaned: 2 history rows" in log.detail


def test_erasing_an_address_with_nothing_held_erases_nothing(manager_client):
    response = manager_client.post(ERASE, {"email": "nobody@example.org", "confirm": "yes"})

    assert response.url == PEOPLE
    assert not RetentionRemoval.objects.exists()


@pytest.mark.parametrize("url", [URL, PEOPLE])
def test_others_may_not_open_the_pages(reader_client, training_admin_client, url):
    assert reader_client.get(url).status_code == HTTPStatus.FORBIDDEN
    assert training_admin_client.get(url).status_code == HTTPStatus.FORBIDDEN


@pytest.mark.parametrize("url", [PEOPLE, EXPORT, ERASE])
def test_others_may_not_look_up_download_or_erase(training_admin_client, url):
    _booked(1)

    response = training_admin_client.post(url, {"email": ADDRESS, "confirm": "yes"})

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert Registration.objects.get().attendee_name == "Jane Quill"
