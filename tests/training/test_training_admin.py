"""Who may do what on the course, session and booking pages, and the staff admin for every training model."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.training.factories import (
    AgencyWorkforceFactory,
    CourseFactory,
    EvaluationFactory,
    RegistrationFactory,
    TrainingSessionFactory,
)
from training.models import EvaluationLink


@pytest.fixture
def registration(lead_agency):
    return RegistrationFactory(agency=lead_agency)


def edit_pages(registration):
    session, course = registration.session, registration.session.course
    return [
        reverse("training:course_create"),
        reverse("training:course_update", args=[course.pk]),
        reverse("training:session_create", args=[course.pk]),
        reverse("training:session_update", args=[session.pk]),
        reverse("training:registration_create", args=[session.pk]),
        reverse("training:registration_update", args=[registration.pk]),
        reverse("training:attendance", args=[session.pk]),
        reverse("training:register_import", args=[session.pk]),
    ]


def test_training_admin_may_open_every_edit_page(training_admin_client, registration):
    for url in edit_pages(registration):
        assert training_admin_client.get(url).status_code == HTTPStatus.OK, url


def test_reader_is_refused_every_edit_page(reader_client, registration):
    for url in edit_pages(registration):
        assert reader_client.get(url).status_code == HTTPStatus.FORBIDDEN, url


def test_contributor_is_refused_every_edit_page(contributor_client, registration):
    for url in edit_pages(registration):
        assert contributor_client.get(url).status_code == HTTPStatus.FORBIDDEN, url


def test_reader_may_not_cancel(reader_client, registration):
    response = reader_client.post(reverse("training:registration_cancel", args=[registration.pk]))

    registration.refresh_from_db()
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert registration.status == "booked"


def test_reader_sees_the_session_page_without_edit_buttons(reader_client, registration):
    html = reader_client.get(reverse("training:session_detail", args=[registration.session.pk])).content.decode()

    assert registration.attendee_name in html
    assert "Mark attendance" not in html


def test_contributor_sees_only_their_own_agency_on_the_session_page(contributor_client, registration, other_agency):
    other = RegistrationFactory(session=registration.session, agency=other_agency)

    html = contributor_client.get(reverse("training:session_detail", args=[registration.session.pk])).content.decode()

    assert registration.attendee_name in html
    assert other.attendee_name not in html


def test_manager_may_book(manager_client, registration):
    response = manager_client.get(reverse("training:registration_create", args=[registration.session.pk]))

    assert response.status_code == HTTPStatus.OK


def test_pages_of_missing_rows_are_not_found(training_admin_client, db):
    assert training_admin_client.get(reverse("training:session_detail", args=[999])).status_code == 404


@pytest.fixture
def every_training_row(lead_agency, board_manager):
    past = timezone.now() - timedelta(days=2)
    evaluation = EvaluationFactory(
        registration__session=TrainingSessionFactory(
            course=CourseFactory(), starts_at=past, ends_at=past + timedelta(hours=1)
        )
    )
    link = EvaluationLink.objects.create(
        registration=evaluation.registration, kind=evaluation.kind, sent_by=board_manager
    )
    return [
        evaluation.registration.session.course,
        evaluation.registration.session,
        evaluation.registration,
        AgencyWorkforceFactory(agency=lead_agency),
        evaluation,
        link,
    ]


def test_admin_lists_and_change_pages_open_for_every_training_model(admin_client, every_training_row):
    for row in every_training_row:
        info = (row._meta.app_label, row._meta.model_name)
        assert admin_client.get(reverse("admin:{}_{}_changelist".format(*info))).status_code == 200, info
        assert admin_client.get(reverse("admin:{}_{}_change".format(*info), args=[row.pk])).status_code == 200, info


def test_admin_searches_registrations(admin_client, every_training_row):
    response = admin_client.get(reverse("admin:training_registration_changelist"), {"q": "Attendee"})

    assert response.status_code == 200
