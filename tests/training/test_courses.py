from datetime import timedelta
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ObjectiveFactory
from tests.training.factories import CourseFactory, RegistrationFactory, TrainingSessionFactory
from training.models import Course, Registration


def course_data(**changes):
    data = {
        "title": "Neglect: recognising and responding",
        "description": "",
        "level": Course.Level.FOUNDATION,
        "duration_hours": "3",
        "non_attendance_charge": "50.00",
        "is_active": "on",
        # The version an edit page loads a new course at (a new course's form ignores it).
        "version": "1",
    }
    return {**data, **changes}


def test_training_admin_creates_a_course_serving_objectives(training_admin_client):
    objective = ObjectiveFactory()

    response = training_admin_client.post(reverse("training:course_create"), course_data(objectives=[objective.pk]))

    course = Course.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert (course.non_attendance_charge, list(course.objectives.all())) == (Decimal("50.00"), [objective])


def test_course_form_offers_only_live_objectives(training_admin_client):
    live = ObjectiveFactory(title="Live objective")
    ObjectiveFactory(title="Deleted objective", is_deleted=True)

    html = training_admin_client.get(reverse("training:course_create")).content.decode()

    assert live.title in html
    assert "Deleted objective" not in html
    assert 'type="checkbox"' in html


def test_course_list_shows_upcoming_sessions_and_the_charge(training_admin_client):
    course = CourseFactory(title="Neglect", non_attendance_charge=Decimal("75.00"))
    TrainingSessionFactory.create_batch(2, course=course)
    past = timezone.now() - timedelta(days=30)
    TrainingSessionFactory(course=course, starts_at=past, ends_at=past + timedelta(hours=2))

    response = training_admin_client.get(reverse("training:course_list"))

    row = response.context["table"].rows[0]
    assert (row.get_cell("upcoming"), row.get_cell("non_attendance_charge")) == (2, "£75.00")
    assert "New course" in response.content.decode()


def test_reader_sees_the_course_list_without_new_course(reader_client):
    CourseFactory()

    response = reader_client.get(reverse("training:course_list"))

    assert response.status_code == HTTPStatus.OK
    assert "New course" not in response.content.decode()


@pytest.mark.parametrize("rows", [5, 30])
def test_course_list_queries_do_not_grow_with_courses(reader_client, django_assert_num_queries, rows):
    for course in CourseFactory.create_batch(rows):
        TrainingSessionFactory(course=course)

    # session, user, the user's own permissions, their groups' permissions, the course count (pagination),
    # one page of courses with their upcoming-session counts
    with django_assert_num_queries(5):
        response = reader_client.get(reverse("training:course_list"))

    assert len(response.context["table"].page.object_list) == min(rows, 25)


def test_course_page_counts_each_sessions_places(reader_client):
    session = TrainingSessionFactory(places=2)
    RegistrationFactory(session=session)
    RegistrationFactory(session=session, status=Registration.Status.ATTENDED)
    RegistrationFactory(session=session, status=Registration.Status.DID_NOT_ATTEND)
    RegistrationFactory(session=session, status=Registration.Status.WAITING)
    RegistrationFactory(session=session, status=Registration.Status.CANCELLED)

    response = reader_client.get(reverse("training:course_detail", args=[session.course.pk]))

    shown = response.context["sessions"][0]
    assert (shown.places, shown.booked, shown.waiting, shown.attended, shown.did_not_attend) == (2, 3, 1, 1, 1)
    assert reverse("training:course_results", args=[session.course.pk]) in response.content.decode()


def test_course_page_lists_the_objectives_it_serves(reader_client):
    objective = ObjectiveFactory(title="Improve neglect practice")
    course = CourseFactory(objectives=[objective])

    html = reader_client.get(reverse("training:course_detail", args=[course.pk])).content.decode()

    assert "Improve neglect practice" in html


def test_editing_a_course_saves_it(training_admin_client):
    course = CourseFactory()

    training_admin_client.post(reverse("training:course_update", args=[course.pk]), course_data(title="Renamed"))

    course.refresh_from_db()
    assert course.title == "Renamed"


@pytest.mark.parametrize("client_name", ["reader_client", "training_admin_client", "contributor_client"])
def test_the_training_page_links_to_uptake_and_uptake_back_to_training(request, db, client_name):
    # `db` named here, not only through the client fetched below: pytest-django orders tests by the fixtures
    # they name, and a test that names none runs after the transactional tests, on an emptied database.
    client = request.getfixturevalue(client_name)

    course_list = client.get(reverse("training:course_list")).content.decode()
    uptake = client.get(reverse("training:uptake")).content.decode()

    assert f'href="{reverse("training:uptake")}">Training uptake</a>' in course_list
    assert f'<li class="breadcrumb-item"><a href="{reverse("training:course_list")}">Training</a></li>' in uptake
