"""Cancelling a booking asks first: the session page links to a confirmation page, and only its button cancels."""

import re
from http import HTTPStatus

from django.urls import reverse

from tests.training.factories import RegistrationFactory, TrainingSessionFactory
from training.models import Registration

Status = Registration.Status


def cancel_url(registration) -> str:
    return reverse("training:registration_cancel", args=[registration.pk])


def test_the_session_page_links_to_the_confirmation_instead_of_cancelling_in_one_click(training_admin_client):
    registration = RegistrationFactory(attendee_name="Ann Early")

    html = training_admin_client.get(registration.session.get_absolute_url()).content.decode()

    assert f'href="{cancel_url(registration)}">Cancel<span class="visually-hidden"> Ann Early’s registration' in html
    assert not re.search(rf'<form[^>]*action="{re.escape(cancel_url(registration))}"', html)


def test_opening_the_cancel_page_asks_and_changes_nothing(training_admin_client):
    registration = RegistrationFactory(attendee_name="Ann Early")

    response = training_admin_client.get(cancel_url(registration))

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "<h1>Cancel Ann Early’s registration?</h1>" in html
    assert '<button type="submit" class="btn btn-danger">Cancel the registration</button>' in html
    assert f'href="{registration.session.get_absolute_url()}">Keep it</a>' in html
    registration.refresh_from_db()
    assert registration.status == Status.BOOKED


def test_confirming_cancels_and_moves_the_first_waiting_up(training_admin_client):
    session = TrainingSessionFactory(places=1)
    booked = RegistrationFactory(session=session, attendee_name="Ann Early")
    waiting = RegistrationFactory(session=session, attendee_name="Ben Waiting", status=Status.WAITING)

    response = training_admin_client.post(cancel_url(booked), follow=True)

    assert response.redirect_chain == [(session.get_absolute_url(), HTTPStatus.FOUND)]
    booked.refresh_from_db()
    waiting.refresh_from_db()
    assert (booked.status, waiting.status) == (Status.CANCELLED, Status.BOOKED)
    assert "Ann Early’s registration is cancelled. Ben Waiting moved up" in response.content.decode()


def test_the_cancel_page_of_a_registration_already_cancelled_says_so_and_offers_no_button(training_admin_client):
    registration = RegistrationFactory(attendee_name="Ann Early", status=Status.CANCELLED)

    html = training_admin_client.get(cancel_url(registration)).content.decode()

    assert "Ann Early’s registration is already cancelled." in html
    assert "Cancel the registration</button>" not in html


def test_confirming_twice_changes_nothing_the_second_time(training_admin_client):
    registration = RegistrationFactory(attendee_name="Ann Early")
    training_admin_client.post(cancel_url(registration))

    response = training_admin_client.post(cancel_url(registration), follow=True)

    assert "Ann Early’s registration is already cancelled." in response.content.decode()


def test_readers_may_not_open_the_cancel_page(reader_client):
    registration = RegistrationFactory()

    response = reader_client.get(cancel_url(registration))

    assert response.status_code == HTTPStatus.FORBIDDEN
