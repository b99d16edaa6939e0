"""The two evaluation forms: what they ask, and that they save exactly the answers given."""

import re
from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.training.factories import RegistrationFactory
from training.models import Evaluation, Registration
from training.services import make_token

AFTER = Evaluation.Kind.AFTER_SESSION
FOLLOW_UP = Evaluation.Kind.FOLLOW_UP
ANSWERS = {
    "relevance": "5",
    "quality": "4",
    "confidence_before": "2",
    "confidence_after": "4",
    "will_do_differently": "Share the chronology with health colleagues before the meeting.",
}


@pytest.fixture
def attendee(db):
    return RegistrationFactory(status=Registration.Status.ATTENDED)


def form_url(registration, kind=AFTER):
    return reverse("training:evaluation_form", args=[make_token(registration, kind)])


def test_the_after_session_form_saves_exactly_the_answers(client, attendee):
    response = client.post(form_url(attendee), ANSWERS)

    assert "Your answers about" in response.text
    evaluation = Evaluation.objects.get()
    assert (evaluation.registration, evaluation.kind) == (attendee, AFTER)
    assert (evaluation.relevance, evaluation.quality, evaluation.confidence_before, evaluation.confidence_after) == (
        5,
        4,
        2,
        4,
    )
    assert evaluation.will_do_differently == ANSWERS["will_do_differently"]
    assert (evaluation.practice_changed, evaluation.example) == ("", "")


def test_the_follow_up_form_saves_only_its_own_answers(client, attendee):
    client.post(form_url(attendee, FOLLOW_UP), {**ANSWERS, "practice_changed": "partly", "example": "I ask earlier."})

    evaluation = Evaluation.objects.get()
    assert (evaluation.kind, evaluation.practice_changed, evaluation.example) == (FOLLOW_UP, "partly", "I ask earlier.")
    assert (evaluation.relevance, evaluation.will_do_differently) == (None, "")


def test_a_missing_score_is_named_and_nothing_is_saved(client, attendee):
    response = client.post(form_url(attendee), {**ANSWERS, "quality": ""})

    assert response.status_code == HTTPStatus.OK
    summary_link = '<a href="#id_quality_0" class="alert-link">How good was the training?: This field is required.</a>'
    assert summary_link in response.text
    assert response.context["form"].errors["quality"] == ["This field is required."]
    assert not Evaluation.objects.exists()


def test_a_score_outside_1_to_5_is_refused(client, attendee):
    response = client.post(form_url(attendee), {**ANSWERS, "relevance": "6"})

    assert "relevance" in response.context["form"].errors
    assert not Evaluation.objects.exists()


def test_the_follow_up_form_wants_an_answer_on_practice(client, attendee):
    response = client.post(form_url(attendee, FOLLOW_UP), {"example": "Something"})

    assert "practice_changed" in response.context["form"].errors
    assert not Evaluation.objects.exists()


def test_each_score_is_a_group_of_radio_buttons_labelled_in_words(client, attendee):
    response = client.get(form_url(attendee))

    html = response.text
    assert html.count("<fieldset") == 4
    assert re.search(r"<legend[^>]*>\s*How relevant was the training to your work\?", html)
    assert html.count('type="radio"') == 20
    assert "1 – not at all" in html
    assert "5 – very relevant" in html


def test_the_form_asks_not_to_name_children_or_families(client, attendee):
    response = client.get(form_url(attendee, FOLLOW_UP))

    assert "Please do not name or describe any child or family." in response.text


def test_the_form_page_has_no_inline_script_or_style(client, attendee):
    response = client.get(form_url(attendee))

    assert not re.search(r"<script(?![^>]*\bsrc=)", response.text)
    assert "<style" not in response.text
    assert " style=" not in response.text
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
