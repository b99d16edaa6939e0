from datetime import timedelta
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.training.factories import RegistrationFactory, TrainingSessionFactory
from training import services
from training.models import Registration

Status = Registration.Status


def started_session(**kwargs):
    starts = timezone.now() - timedelta(hours=4)
    return TrainingSessionFactory(starts_at=starts, ends_at=starts + timedelta(hours=3), **kwargs)


def test_attendance_page_saves_every_mark_at_once(training_admin_client):
    session = started_session()
    came = RegistrationFactory(session=session)
    missed = RegistrationFactory(session=session)

    response = training_admin_client.post(
        reverse("training:attendance", args=[session.pk]),
        {f"registration_{came.pk}": Status.ATTENDED, f"registration_{missed.pk}": Status.DID_NOT_ATTEND},
    )

    came.refresh_from_db()
    missed.refresh_from_db()
    assert response.status_code == HTTPStatus.FOUND
    assert (came.status, missed.status) == (Status.ATTENDED, Status.DID_NOT_ATTEND)


def test_attendance_page_has_a_fieldset_with_a_legend_per_person(training_admin_client):
    session = started_session()
    RegistrationFactory(session=session, attendee_name="Ann Booked")
    RegistrationFactory(session=session, attendee_name="Ben Waiting", status=Status.WAITING)

    html = training_admin_client.get(reverse("training:attendance", args=[session.pk])).content.decode()

    assert html.count("<fieldset") == 1
    assert '<legend class="h6 mb-1">Ann Booked' in html


def test_attendance_needs_a_mark_for_everyone(training_admin_client):
    session = started_session()
    registration = RegistrationFactory(session=session, attendee_name="Ann Booked")

    response = training_admin_client.post(reverse("training:attendance", args=[session.pk]), {})

    registration.refresh_from_db()
    assert registration.status == Status.BOOKED
    assert "Choose attended or did not attend for Ann Booked." in response.content.decode()


def test_attendance_page_before_the_session_starts_says_so(training_admin_client):
    session = TrainingSessionFactory()
    RegistrationFactory(session=session)

    html = training_admin_client.get(reverse("training:attendance", args=[session.pk])).content.decode()

    assert "The session has not started yet" in html
    assert "<fieldset" not in html


def test_attendance_cannot_be_posted_before_the_session_starts(training_admin_client):
    session = TrainingSessionFactory()
    registration = RegistrationFactory(session=session)

    training_admin_client.post(
        reverse("training:attendance", args=[session.pk]), {f"registration_{registration.pk}": Status.ATTENDED}
    )

    registration.refresh_from_db()
    assert registration.status == Status.BOOKED


@pytest.mark.django_db
def test_mark_attendance_refuses_a_waiting_registration():
    session = started_session()
    waiting = RegistrationFactory(session=session, status=Status.WAITING)

    with pytest.raises(ValidationError):
        services.mark_attendance(session=session, outcomes={waiting.pk: Status.ATTENDED})


@pytest.mark.django_db
def test_attendance_can_be_corrected():
    session = started_session()
    registration = RegistrationFactory(session=session, status=Status.DID_NOT_ATTEND)

    services.mark_attendance(session=session, outcomes={registration.pk: Status.ATTENDED})

    registration.refresh_from_db()
    assert registration.status == Status.ATTENDED


def test_reader_may_not_mark_attendance(reader_client):
    session = started_session()

    response = reader_client.get(reverse("training:attendance", args=[session.pk]))

    assert response.status_code == HTTPStatus.FORBIDDEN
