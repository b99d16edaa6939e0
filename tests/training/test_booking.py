from datetime import datetime, timedelta
from http import HTTPStatus
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import AgencyFactory
from tests.training.factories import RegistrationFactory, TrainingSessionFactory
from training import services
from training.models import Registration

Status = Registration.Status


def book(session, name="Jo Bloggs", email="jo.bloggs@example.org"):
    return services.book_place(
        session=session, attendee_name=name, email=email, agency=AgencyFactory(), job_role="Health visitor"
    )


@pytest.mark.django_db
def test_booking_a_session_with_a_free_place_books_it():
    session = TrainingSessionFactory(places=2)

    registration = book(session)

    assert registration.status == Status.BOOKED


@pytest.mark.django_db
def test_booking_a_full_session_goes_on_the_waiting_list():
    session = TrainingSessionFactory(places=1)
    RegistrationFactory(session=session)

    registration = book(session)

    assert registration.status == Status.WAITING


@pytest.mark.django_db
def test_attended_places_count_as_taken():
    session = TrainingSessionFactory(places=1)
    RegistrationFactory(session=session, status=Status.ATTENDED)

    assert book(session).status == Status.WAITING


@pytest.mark.django_db
def test_a_second_live_booking_of_the_same_email_is_refused():
    session = TrainingSessionFactory()
    book(session, email="jo.bloggs@example.org")

    with pytest.raises(ValidationError, match="already booked or on the waiting list"):
        book(session, email="Jo.Bloggs@example.org")


@pytest.mark.django_db
def test_someone_who_cancelled_may_book_again():
    session = TrainingSessionFactory()
    RegistrationFactory(session=session, email="jo.bloggs@example.org", status=Status.CANCELLED)

    assert book(session, email="jo.bloggs@example.org").status == Status.BOOKED


@pytest.mark.django_db
def test_cancelling_a_booking_moves_the_first_on_the_waiting_list_up():
    session = TrainingSessionFactory(places=1)
    booked = RegistrationFactory(session=session)
    first = RegistrationFactory(session=session, status=Status.WAITING)
    second = RegistrationFactory(session=session, status=Status.WAITING)

    promoted = services.cancel_registration(registration=booked)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (promoted, first.status, second.status) == (first, Status.BOOKED, Status.WAITING)


@pytest.mark.django_db
def test_cancelling_a_waiting_registration_promotes_nobody():
    session = TrainingSessionFactory(places=1)
    booked = RegistrationFactory(session=session)
    first = RegistrationFactory(session=session, status=Status.WAITING)
    second = RegistrationFactory(session=session, status=Status.WAITING)

    promoted = services.cancel_registration(registration=first)

    second.refresh_from_db()
    booked.refresh_from_db()
    assert (promoted, second.status, booked.status) == (None, Status.WAITING, Status.BOOKED)


@pytest.mark.django_db
def test_cancelling_twice_is_refused():
    registration = RegistrationFactory(status=Status.CANCELLED)

    with pytest.raises(ValidationError, match="already cancelled"):
        services.cancel_registration(registration=registration)


def test_booking_page_books_a_place(training_admin_client):
    session = TrainingSessionFactory(places=5)
    agency = AgencyFactory(name="Fenbridge Council")

    response = training_admin_client.post(
        reverse("training:registration_create", args=[session.pk]),
        {"attendee_name": "Jo Bloggs", "email": "jo@example.org", "agency": agency.pk, "job_role": "Teacher"},
        follow=True,
    )

    assert session.registrations.get().status == Status.BOOKED
    assert "Jo Bloggs is booked." in response.content.decode()


def test_booking_page_says_when_the_session_is_full(training_admin_client):
    session = TrainingSessionFactory(places=1)
    RegistrationFactory(session=session)
    agency = AgencyFactory()

    response = training_admin_client.post(
        reverse("training:registration_create", args=[session.pk]),
        {"attendee_name": "Jo Bloggs", "email": "jo@example.org", "agency": agency.pk, "job_role": ""},
        follow=True,
    )

    assert "The session is full, so Jo Bloggs is on the waiting list." in response.content.decode()


def test_booking_page_shows_a_duplicate_booking_on_the_form(training_admin_client):
    registration = RegistrationFactory(email="jo@example.org")

    response = training_admin_client.post(
        reverse("training:registration_create", args=[registration.session.pk]),
        {"attendee_name": "Jo", "email": "jo@example.org", "agency": registration.agency.pk, "job_role": ""},
    )

    assert response.status_code == HTTPStatus.OK
    assert "jo@example.org is already booked or on the waiting list" in response.content.decode()


def test_cancel_button_names_who_moved_up(training_admin_client):
    session = TrainingSessionFactory(places=1)
    booked = RegistrationFactory(session=session, attendee_name="Ann Early")
    RegistrationFactory(session=session, attendee_name="Ben Waiting", status=Status.WAITING)

    response = training_admin_client.post(reverse("training:registration_cancel", args=[booked.pk]), follow=True)

    assert "Ben Waiting moved up from the waiting list and is now booked." in response.content.decode()


def test_editing_a_registration_to_another_live_email_is_refused(training_admin_client):
    session = TrainingSessionFactory()
    RegistrationFactory(session=session, email="taken@example.org")
    registration = RegistrationFactory(session=session)

    response = training_admin_client.post(
        reverse("training:registration_update", args=[registration.pk]),
        {"attendee_name": "X", "email": "taken@example.org", "agency": registration.agency.pk, "job_role": ""},
    )

    assert "taken@example.org is already booked or on the waiting list" in response.content.decode()


def test_editing_a_registration_saves_it(training_admin_client):
    registration = RegistrationFactory(attendee_name="Jo Blogs")

    response = training_admin_client.post(
        reverse("training:registration_update", args=[registration.pk]),
        {
            "attendee_name": "Jo Bloggs",
            "email": registration.email,
            "agency": registration.agency.pk,
            "job_role": "",
            "version": "1",
        },
    )

    registration.refresh_from_db()
    assert response.status_code == HTTPStatus.FOUND
    assert registration.attendee_name == "Jo Bloggs"


def test_booking_pages_write_the_session_date_as_the_site_does(training_admin_client):
    """DATE_FORMAT "j F Y": "2 December 2026", never "02 December 2026"."""
    starts = datetime(2026, 12, 2, 9, 30, tzinfo=ZoneInfo("Europe/London"))
    session = TrainingSessionFactory(course__title="Neglect", starts_at=starts, ends_at=starts + timedelta(hours=3))
    registration = RegistrationFactory(session=session)
    pages = [
        session.get_absolute_url(),
        reverse("training:registration_create", args=[session.pk]),
        reverse("training:registration_update", args=[registration.pk]),
        reverse("training:registration_cancel", args=[registration.pk]),
    ]

    for page in pages:
        html = training_admin_client.get(page).content.decode()
        assert "2 December 2026" in html, page
        assert "02 December" not in html, page
    booking = training_admin_client.get(pages[1]).content.decode()
    assert "<h1>Book a place on Neglect – 2 December 2026</h1>" in booking
