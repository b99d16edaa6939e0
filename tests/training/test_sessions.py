from datetime import timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import AgencyFactory
from tests.training.factories import CourseFactory, RegistrationFactory, TrainingSessionFactory
from training.models import Registration

Status = Registration.Status


def session_data(**changes):
    starts = (timezone.localtime() + timedelta(days=10)).replace(hour=10, minute=0, second=0, microsecond=0)
    data = {
        "starts_at": f"{starts:%Y-%m-%dT%H:%M}",
        "ends_at": f"{starts + timedelta(hours=3):%Y-%m-%dT%H:%M}",
        "venue": "Fenbridge Civic Centre",
        "trainer": "Alex Trainer",
        "places": "12",
        # The version an edit page loads a new session at (a new session's form ignores it).
        "version": "1",
    }
    return {**data, **changes}


def test_training_admin_creates_a_session(training_admin_client):
    course = CourseFactory()

    response = training_admin_client.post(reverse("training:session_create", args=[course.pk]), session_data())

    session = course.sessions.get()
    assert response.status_code == HTTPStatus.FOUND
    assert (session.places, timezone.localtime(session.starts_at).hour) == (12, 10)


def test_a_session_must_end_after_it_starts(training_admin_client):
    course = CourseFactory()
    data = session_data()
    data["ends_at"] = data["starts_at"]

    response = training_admin_client.post(reverse("training:session_create", args=[course.pk]), data)

    assert "The session must end after it starts." in response.content.decode()


def test_a_session_needs_a_venue_or_to_be_online(training_admin_client):
    course = CourseFactory()

    response = training_admin_client.post(reverse("training:session_create", args=[course.pk]), session_data(venue=""))

    assert "Give the venue, or tick “online”" in response.content.decode()
    assert not course.sessions.exists()


def test_an_online_session_needs_no_venue(training_admin_client):
    course = CourseFactory()

    training_admin_client.post(
        reverse("training:session_create", args=[course.pk]), session_data(venue="", is_online="on")
    )

    assert course.sessions.get().is_online


def test_places_cannot_drop_below_those_booked(training_admin_client):
    session = TrainingSessionFactory(places=5)
    RegistrationFactory.create_batch(3, session=session)
    RegistrationFactory(session=session, status=Status.WAITING)

    response = training_admin_client.post(
        reverse("training:session_update", args=[session.pk]), session_data(places="2")
    )

    session.refresh_from_db()
    assert session.places == 5
    assert "3 places are already booked, so the session must offer at least 3." in response.content.decode()


def test_places_can_drop_to_those_booked(training_admin_client):
    session = TrainingSessionFactory(places=5)
    RegistrationFactory.create_batch(3, session=session)

    training_admin_client.post(reverse("training:session_update", args=[session.pk]), session_data(places="3"))

    session.refresh_from_db()
    assert session.places == 3


def test_session_page_lists_booked_waiting_and_cancelled(training_admin_client):
    session = TrainingSessionFactory(places=1)
    RegistrationFactory(session=session, attendee_name="Ann Booked")
    RegistrationFactory(session=session, attendee_name="Ben Waiting", status=Status.WAITING)
    RegistrationFactory(session=session, attendee_name="Cy Cancelled", status=Status.CANCELLED)

    response = training_admin_client.get(reverse("training:session_detail", args=[session.pk]))

    assert response.status_code == HTTPStatus.OK
    assert [
        group[0].attendee_name
        for group in (response.context["booked"], response.context["waiting_list"], response.context["cancelled"])
    ] == ["Ann Booked", "Ben Waiting", "Cy Cancelled"]


def test_waiting_list_is_in_the_order_people_registered(training_admin_client):
    session = TrainingSessionFactory(places=1)
    RegistrationFactory(session=session)
    first = RegistrationFactory(session=session, status=Status.WAITING)
    second = RegistrationFactory(session=session, status=Status.WAITING)
    Registration.objects.filter(pk=second.pk).update(registered_at=first.registered_at - timedelta(minutes=5))

    response = training_admin_client.get(reverse("training:session_detail", args=[session.pk]))

    assert response.context["waiting_list"] == [second, first]


def test_session_page_shows_the_booking_buttons_to_training_admins(training_admin_client):
    session = TrainingSessionFactory()

    content = training_admin_client.get(reverse("training:session_detail", args=[session.pk])).content.decode()

    assert reverse("training:registration_create", args=[session.pk]) in content
    assert reverse("training:attendance", args=[session.pk]) in content


@pytest.mark.parametrize("rows", [5, 30])
def test_session_page_queries_do_not_grow_with_registrations(training_admin_client, django_assert_num_queries, rows):
    session = TrainingSessionFactory(places=50)
    agencies = AgencyFactory.create_batch(3)
    for index in range(rows):
        RegistrationFactory(session=session, agency=agencies[index % 3])
    url = reverse("training:session_detail", args=[session.pk])

    # session, user, the user's own permissions, their groups' permissions,
    # the session with its course and place counts, the registrations with their agencies
    with django_assert_num_queries(5):
        response = training_admin_client.get(url)

    assert len(response.context["booked"]) == rows
