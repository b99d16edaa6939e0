"""The training administrator's home page: the next sessions and their waiting lists."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.training.factories import RegistrationFactory, TrainingSessionFactory
from training.models import Registration

Status = Registration.Status


def home(client):
    response = client.get(reverse("home"))
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def test_next_sessions_show_places_taken_and_the_waiting_list(training_admin_client):
    session = TrainingSessionFactory(course__title="Neglect", places=2)
    RegistrationFactory.create_batch(2, session=session)
    RegistrationFactory(session=session, status=Status.CANCELLED)
    RegistrationFactory.create_batch(3, session=session, status=Status.WAITING)
    quiet = TrainingSessionFactory(course__title="Exploitation", starts_at=session.starts_at + timedelta(days=7))

    html = home(training_admin_client)

    assert "Training sessions" in html
    link = f'href="{session.get_absolute_url()}">Neglect,'
    assert html.count(link) == 2
    assert "2 of 2 places taken, 3 on the waiting list" in html
    assert "3 waiting, 2 of 2 places taken" in html
    assert f'href="{quiet.get_absolute_url()}">Exploitation,' in html
    assert "0 of 20 places taken" in html
    assert html.index("Neglect,") < html.index("Exploitation,")


def test_past_sessions_are_not_next(training_admin_client):
    starts = timezone.now() - timedelta(days=1)
    TrainingSessionFactory(course__title="Neglect", starts_at=starts, ends_at=starts + timedelta(hours=2))

    html = home(training_admin_client)

    assert "Neglect" not in html
    assert "No session is planned." in html
    assert "Nobody is on a waiting list." in html


@pytest.mark.parametrize("more", [False, True])
def test_the_training_home_page_reads_in_the_same_queries_however_many_sessions(
    training_admin_client, more, django_assert_num_queries
):
    RegistrationFactory(status=Status.WAITING)
    if more:
        for _ in range(7):
            RegistrationFactory(status=Status.WAITING)
            RegistrationFactory()

    # session, user, the user's groups (panels), user and group permissions; the sessions to come with their
    # courses and counts
    with django_assert_num_queries(5):
        html = home(training_admin_client)

    assert "Next sessions" in html
