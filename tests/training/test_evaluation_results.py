"""Evaluation results per session and per course, against hand-counted answers."""

from datetime import date, datetime, timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from tests.training.factories import EvaluationFactory, RegistrationFactory, TrainingSessionFactory
from training.models import Evaluation, EvaluationLink, Registration
from training.selectors import Results, course_confidence_gain, results_for

ATTENDED = Registration.Status.ATTENDED
FOLLOW_UP = Evaluation.Kind.FOLLOW_UP


def ended_on(day: date, **kwargs):
    ends_at = timezone.make_aware(datetime.combine(day, datetime.min.time()) + timedelta(hours=16))
    return TrainingSessionFactory(starts_at=ends_at - timedelta(hours=3), ends_at=ends_at, **kwargs)


def answer(session, *, relevance, quality, before, after, text=""):
    registration = RegistrationFactory(session=session, status=ATTENDED)
    return EvaluationFactory(
        registration=registration,
        relevance=relevance,
        quality=quality,
        confidence_before=before,
        confidence_after=after,
        will_do_differently=text,
    )


@pytest.fixture
def session(db):
    """Four attended (three answered), one did not attend; two of three sent the follow-up answered."""
    session = ended_on(date(2025, 9, 10))
    first = answer(session, relevance=5, quality=3, before=2, after=4, text="Ask about the home earlier.")
    second = answer(session, relevance=4, quality=4, before=3, after=4)
    third = answer(session, relevance=4, quality=5, before=1, after=3)
    RegistrationFactory(session=session, status=ATTENDED)
    RegistrationFactory(session=session, status=Registration.Status.DID_NOT_ATTEND)
    for evaluation in (first, second, third):
        EvaluationLink.objects.create(registration=evaluation.registration, kind=FOLLOW_UP)
    EvaluationFactory(registration=first.registration, kind=FOLLOW_UP, practice_changed="yes", example="I now ring.")
    EvaluationFactory(registration=second.registration, kind=FOLLOW_UP, practice_changed="partly", example="")
    return session


def test_session_results_against_hand_counts(session):
    results = results_for(session=session)

    assert (results.attended, results.after_session["answered"], results.response_percent) == (4, 3, 75)
    assert round(results.after_session["mean_relevance"], 2) == 4.33
    assert results.after_session["mean_quality"] == 4.0
    assert round(results.after_session["mean_confidence_before"], 2) == 2.0
    assert round(results.after_session["mean_confidence_after"], 2) == 3.67
    assert round(results.after_session["mean_gain"], 2) == 1.67


def test_session_results_count_each_score(session):
    results = results_for(session=session)

    assert dict(results.distributions) == {
        "relevance": [0, 0, 0, 2, 1],
        "quality": [0, 0, 1, 1, 1],
        "confidence_before": [1, 1, 1, 0, 0],
        "confidence_after": [0, 0, 1, 2, 0],
    }


def test_session_results_count_the_follow_up_answers(session):
    results = results_for(session=session)

    assert results.follow_up == {"answered": 2, "yes": 1, "partly": 1, "no": 0}
    assert results.follow_up_sent == 3


def test_an_answer_counts_its_attendee_as_sent_the_follow_up_even_without_a_link_on_record(session):
    """The demo's answers (and any sent on paper) have no link recorded: the page said "8 of 0 attendees"."""
    unlinked = RegistrationFactory(session=session, status=ATTENDED)
    EvaluationFactory(registration=unlinked, kind=FOLLOW_UP, practice_changed="no")

    results = results_for(session=session)

    assert (results.follow_up_sent, results.follow_up["answered"]) == (4, 3)


@pytest.mark.parametrize(
    ("sent", "answered", "sentence"),
    [
        (0, 0, "No attendee has been sent the follow-up form yet."),
        (1, 0, "1 attendee was sent the follow-up form; nobody has answered yet."),
        (1, 1, "1 attendee was sent the follow-up form; 1 has answered."),
        (8, 1, "8 attendees were sent the follow-up form; 1 has answered."),
        (8, 5, "8 attendees were sent the follow-up form; 5 have answered."),
    ],
)
def test_the_follow_up_sentence_reads_right_for_none_one_and_many(sent, answered, sentence):
    results = Results(
        attended=8, after_session={}, distributions=[], follow_up={"answered": answered}, follow_up_sent=sent
    )

    assert results.follow_up_sentence == sentence


def test_course_results_cover_every_session(session):
    later = ended_on(date(2025, 11, 5), course=session.course)
    answer(later, relevance=1, quality=1, before=1, after=1)
    answer(ended_on(date(2025, 11, 5)), relevance=1, quality=1, before=1, after=5)

    results = results_for(course=session.course)

    assert (results.attended, results.after_session["answered"]) == (5, 4)
    assert results.after_session["mean_gain"] == 1.25


def test_results_with_no_answers_are_empty_not_errors(db):
    session = ended_on(date(2025, 9, 10))

    results = results_for(session=session)

    assert (results.attended, results.response_percent, results.after_session["mean_gain"]) == (0, None, None)


def test_course_confidence_gain_counts_sessions_ending_by_the_date(session):
    answer(ended_on(date(2025, 10, 1), course=session.course), relevance=3, quality=3, before=1, after=5)

    assert round(course_confidence_gain(session.course, until=date(2025, 9, 10)), 2) == 1.67
    assert course_confidence_gain(session.course, until=date(2025, 10, 1)) == 2.25
    assert course_confidence_gain(session.course) == 2.25
    assert course_confidence_gain(session.course, until=date(2025, 9, 9)) is None


# The pages


def test_the_session_results_page_shows_the_figures(reader_client, session):
    response = reader_client.get(reverse("training:session_results", args=[session.pk]))

    assert response.status_code == HTTPStatus.OK
    assert "3 of 4 attendees answered (75%)" in response.text
    assert "<p>3 attendees were sent the follow-up form; 2 have answered.</p>" in response.text
    assert "+1.67" in response.text
    assert '<th scope="row">Relevance</th>' in response.text


def test_readers_and_training_staff_see_the_written_answers(reader_client, session):
    response = reader_client.get(reverse("training:course_results", args=[session.course.pk]))

    assert "Ask about the home earlier." in response.text
    assert "I now ring." in response.text


def test_agency_contributors_see_figures_but_no_written_answers(contributor_client, session):
    response = contributor_client.get(reverse("training:session_results", args=[session.pk]))

    assert response.status_code == HTTPStatus.OK
    assert "3 of 4 attendees answered" in response.text
    assert "Ask about the home earlier." not in response.text
    assert "I now ring." not in response.text


def test_results_need_the_view_evaluation_permission(client, db, session):
    client.force_login(UserFactory(roles=[]))

    response = client.get(reverse("training:session_results", args=[session.pk]))

    assert response.status_code == HTTPStatus.FORBIDDEN


@pytest.mark.parametrize("url_name", ["training:session_results", "training:course_results"])
def test_results_pages_for_unknown_sessions_or_courses_are_404(training_admin_client, url_name):
    response = training_admin_client.get(reverse(url_name, args=[999999]))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_session_results_queries_do_not_grow_with_answers(training_admin_client, session, django_assert_num_queries):
    for _ in range(5):
        answer(session, relevance=2, quality=2, before=2, after=3, text="More.")

    # session, user, user's own and groups' permissions (1), the session and course, attended and follow-ups sent,
    # after-session figures, follow-up figures, written answers
    with django_assert_num_queries(8):
        response = training_admin_client.get(reverse("training:session_results", args=[session.pk]))

    assert response.status_code == HTTPStatus.OK


def test_course_results_queries_do_not_grow_with_sessions(training_admin_client, session, django_assert_num_queries):
    for day in (1, 2, 3):
        answer(
            ended_on(date(2025, 12, day), course=session.course), relevance=2, quality=2, before=2, after=3, text="x"
        )

    # session, user, user's own and groups' permissions (1), the course, attended and follow-ups sent,
    # after-session figures, follow-up figures, written answers with their sessions
    with django_assert_num_queries(8):
        response = training_admin_client.get(reverse("training:course_results", args=[session.course.pk]))

    assert response.status_code == HTTPStatus.OK
