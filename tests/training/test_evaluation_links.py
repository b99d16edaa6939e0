"""The personal evaluation links: signed tokens, opening them, and sending them once each."""

import time
from datetime import date, datetime, timedelta
from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.core import signing
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from tests.training.factories import EvaluationFactory, RegistrationFactory, TrainingSessionFactory
from training import services
from training.models import Evaluation, EvaluationLink, Registration
from training.services import LinkExpired, LinkInvalid, make_token, read_token

AFTER = Evaluation.Kind.AFTER_SESSION
FOLLOW_UP = Evaluation.Kind.FOLLOW_UP
DAY = 24 * 60 * 60


@pytest.fixture
def attendee(db):
    return RegistrationFactory(status=Registration.Status.ATTENDED, attendee_name="Robin Health-Visitor")


def form_url(registration, kind=AFTER):
    return reverse("training:evaluation_form", args=[make_token(registration, kind)])


def token_made_days_ago(monkeypatch, registration, days, kind=AFTER):
    now = time.time()
    with monkeypatch.context() as patch:
        patch.setattr(time, "time", lambda: now - days * DAY)
        return make_token(registration, kind)


def tampered(token):
    return token[:-1] + ("A" if token[-1] != "A" else "B")


def ended_on(day: date, **kwargs):
    ends_at = timezone.make_aware(datetime.combine(day, datetime.min.time()) + timedelta(hours=16))
    return TrainingSessionFactory(starts_at=ends_at - timedelta(hours=3), ends_at=ends_at, **kwargs)


# Tokens


def test_a_token_names_its_registration_and_form(attendee):
    assert read_token(make_token(attendee, FOLLOW_UP)) == (attendee.pk, FOLLOW_UP)


def test_a_token_older_than_the_link_days_has_expired(attendee, monkeypatch):
    token = token_made_days_ago(monkeypatch, attendee, 31)

    with pytest.raises(LinkExpired):
        read_token(token)


def test_the_link_days_come_from_the_setting(attendee, monkeypatch, settings):
    settings.TRAINING_EVALUATION_LINK_DAYS = 60
    token = token_made_days_ago(monkeypatch, attendee, 31)

    assert read_token(token) == (attendee.pk, AFTER)


def test_a_token_with_a_character_changed_is_invalid(attendee):
    with pytest.raises(LinkInvalid):
        read_token(tampered(make_token(attendee, AFTER)))


def test_a_token_signed_for_something_else_is_invalid(attendee):
    other_purpose = signing.TimestampSigner(salt="objectives.other").sign_object({"registration": attendee.pk})

    with pytest.raises(LinkInvalid):
        read_token(other_purpose)


def test_a_token_for_an_unknown_form_is_invalid(attendee):
    token = signing.TimestampSigner(salt=services.SALT).sign_object({"registration": attendee.pk, "kind": "exit"})

    with pytest.raises(LinkInvalid):
        read_token(token)


# Opening a link


def test_an_anonymous_attendee_opens_the_form(client, attendee):
    response = client.get(form_url(attendee))

    assert response.status_code == HTTPStatus.OK
    assert attendee.session.course.title in response.text


def test_a_signed_in_user_opens_the_form_too(reader_client, attendee):
    response = reader_client.get(form_url(attendee))

    assert response.status_code == HTTPStatus.OK


def test_the_rest_of_training_still_requires_sign_in(client, attendee):
    response = client.get(reverse("training:session_results", args=[attendee.session.pk]))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))


def test_an_expired_link_says_so_with_410(client, attendee, monkeypatch):
    token = token_made_days_ago(monkeypatch, attendee, 31)

    response = client.get(reverse("training:evaluation_form", args=[token]))

    assert response.status_code == HTTPStatus.GONE
    assert "This link has expired" in response.text


def test_a_tampered_link_gives_a_clear_404(client, attendee):
    token = tampered(make_token(attendee, AFTER))

    response = client.get(reverse("training:evaluation_form", args=[token]))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "This link is not one we sent" in response.text


def test_a_link_to_a_deleted_registration_gives_a_404(client, attendee):
    url = form_url(attendee)
    attendee.delete()

    response = client.get(url)

    assert response.status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("status", [Registration.Status.BOOKED, Registration.Status.DID_NOT_ATTEND])
def test_only_attendees_may_answer(client, db, status):
    registration = RegistrationFactory(status=status)

    response = client.post(
        form_url(registration), {"relevance": 5, "quality": 5, "confidence_before": 1, "confidence_after": 5}
    )

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert "This form is for people who attended" in response.text
    assert not Evaluation.objects.exists()


def test_a_used_link_says_already_answered_and_changes_nothing(client, attendee):
    EvaluationFactory(registration=attendee, relevance=2, quality=2)
    url = form_url(attendee)

    response = client.post(url, {"relevance": 5, "quality": 5, "confidence_before": 1, "confidence_after": 5})

    assert "You have already answered, thank you" in response.text
    assert list(Evaluation.objects.values_list("relevance", "quality")) == [(2, 2)]


def test_answering_the_after_session_form_leaves_the_follow_up_link_open(client, attendee):
    EvaluationFactory(registration=attendee, kind=AFTER)

    response = client.get(form_url(attendee, FOLLOW_UP))

    assert "Has your practice changed" in response.text


# Sending


def test_send_links_emails_each_attendee_their_own_link(attendee, mailoutbox, settings):
    settings.BOARD_NAME = "Fenbridge Safeguarding Children Partnership"
    RegistrationFactory(session=attendee.session, status=Registration.Status.BOOKED)

    result = services.send_links(session=attendee.session, kind=AFTER, base_url="https://scp.example.org/")

    assert [message.to for message in mailoutbox] == [[attendee.email]]
    body = mailoutbox[0].body
    assert "Dear Robin Health-Visitor" in body
    assert "Fenbridge Safeguarding Children Partnership" in body
    link = next(line for line in body.splitlines() if line.startswith("https://scp.example.org/training/evaluate/"))
    assert read_token(link.rstrip("/").rsplit("/", 1)[1]) == (attendee.pk, AFTER)
    assert result.sent == [attendee]


def test_send_links_never_sends_the_same_form_twice(attendee, mailoutbox):
    services.send_links(session=attendee.session, kind=AFTER, base_url="https://scp.example.org")

    again = services.send_links(session=attendee.session, kind=AFTER, base_url="https://scp.example.org")

    assert len(mailoutbox) == 1
    assert (again.sent, again.sent_before) == ([], 1)
    assert EvaluationLink.objects.count() == 1


def test_the_follow_up_is_a_separate_link(attendee, mailoutbox):
    services.send_links(session=attendee.session, kind=AFTER, base_url="https://scp.example.org")

    result = services.send_links(session=attendee.session, kind=FOLLOW_UP, base_url="https://scp.example.org")

    assert len(result.sent) == 1
    assert "Three months ago you attended" in mailoutbox[1].body


def test_the_send_button_sends_and_says_how_many(training_admin_client, training_admin, attendee, mailoutbox):
    session = attendee.session
    earlier = RegistrationFactory(session=session, status=Registration.Status.ATTENDED)
    EvaluationLink.objects.create(registration=earlier, kind=AFTER)

    response = training_admin_client.post(reverse("training:send_evaluation_links", args=[session.pk]))

    assert response.url == session.get_absolute_url()
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "Sent 1 evaluation link; 1 had been sent before."
    ]
    assert mailoutbox[0].to == [attendee.email]
    assert "http://testserver/training/evaluate/" in mailoutbox[0].body
    assert EvaluationLink.objects.get(registration=attendee).sent_by == training_admin


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("reader", HTTPStatus.FORBIDDEN), ("contributor", HTTPStatus.FORBIDDEN), ("board_manager", HTTPStatus.FOUND)],
)
def test_the_send_button_is_for_training_staff(client, request, persona, expected, attendee, mailoutbox):
    client.force_login(request.getfixturevalue(persona))

    response = client.post(reverse("training:send_evaluation_links", args=[attendee.session.pk]))

    assert response.status_code == expected
    assert len(mailoutbox) == (1 if expected == HTTPStatus.FOUND else 0)


def test_the_send_button_only_answers_post(training_admin_client, attendee):
    response = training_admin_client.get(reverse("training:send_evaluation_links", args=[attendee.session.pk]))

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED


# The daily command


def test_the_command_sends_after_session_links_the_day_after(db, mailoutbox):
    today = date(2026, 3, 10)
    yesterday = RegistrationFactory(session=ended_on(date(2026, 3, 9)), status=Registration.Status.ATTENDED)
    RegistrationFactory(session=ended_on(today), status=Registration.Status.ATTENDED)

    call_command("send_evaluation_links", "--base-url", "https://scp.example.org", "--date", "2026-03-10")

    assert [message.to for message in mailoutbox] == [[yesterday.email]]


def test_the_command_sends_follow_ups_from_90_days_after(db, mailoutbox):
    session = ended_on(date(2026, 3, 10) - timedelta(days=90))
    due = RegistrationFactory(session=session, status=Registration.Status.ATTENDED)
    EvaluationLink.objects.create(registration=due, kind=AFTER)
    not_yet = RegistrationFactory(session=ended_on(date(2026, 3, 10) - timedelta(days=89)), status="attended")
    EvaluationLink.objects.create(registration=not_yet, kind=AFTER)

    call_command("send_evaluation_links", "--base-url", "https://scp.example.org", "--date", "2026-03-10")

    assert [message.to for message in mailoutbox] == [[due.email]]
    assert EvaluationLink.objects.filter(kind=FOLLOW_UP).get().registration == due


def test_the_command_skips_sessions_too_old_to_ask_about(db, mailoutbox):
    RegistrationFactory(session=ended_on(date(2026, 3, 10) - timedelta(days=32)), status="attended")

    call_command("send_evaluation_links", "--base-url", "https://scp.example.org", "--date", "2026-03-10")

    assert mailoutbox == []


def test_the_command_is_safe_to_run_again(db, mailoutbox, capsys):
    RegistrationFactory(session=ended_on(date(2026, 3, 9)), status=Registration.Status.ATTENDED)
    call_command("send_evaluation_links", "--base-url", "https://scp.example.org", "--date", "2026-03-10")

    call_command("send_evaluation_links", "--base-url", "https://scp.example.org", "--date", "2026-03-10")

    assert len(mailoutbox) == 1
    assert capsys.readouterr().out.splitlines() == [
        "Sent 1 after-session link and 0 follow-up links for 1 session on 10 March 2026.",
        "Sent 0 after-session links and 0 follow-up links for 0 sessions on 10 March 2026.",
    ]


def test_the_command_refuses_a_bad_base_url(db):
    with pytest.raises(CommandError, match="--base-url must be a web address"):
        call_command("send_evaluation_links", "--base-url", "scp")
