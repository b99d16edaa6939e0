"""Recording the board's decision on an assurance recommendation: the rules, the form, and who may do it."""

from datetime import date, timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from assurance.forms.recommendations import AssuranceRecommendationForm
from assurance.models import AssuranceRecommendation
from core.models.decisions import Decision
from tests.factories import AssuranceRecommendationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def recommendation(lead_agency):
    return AssuranceRecommendationFactory(number=3, text="Audit strategy meetings.", agencies=[lead_agency])


def data(recommendation, **decision):
    return {
        "number": recommendation.number,
        "text": recommendation.text,
        "agencies": [agency.pk for agency in recommendation.agencies.all()],
        "version": recommendation.version,
        **decision,
    }


def form_errors(recommendation, **decision):
    form = AssuranceRecommendationForm(data=data(recommendation, **decision), instance=recommendation)
    form.is_valid()
    return form.errors


@pytest.mark.parametrize("decision", [Decision.PARTLY_ACCEPTED, Decision.NOT_ACCEPTED])
def test_a_recommendation_not_wholly_accepted_needs_reasons(recommendation, decision):
    errors = form_errors(recommendation, decision=decision, decided_on="2026-03-12")

    assert errors["decision_reasons"] == [
        f"Give the board's reasons: a recommendation {decision.label.lower()} needs them."
    ]


def test_an_accepted_recommendation_needs_no_reasons(recommendation):
    assert not form_errors(recommendation, decision=Decision.ACCEPTED, decided_on="2026-03-12")


def test_a_decision_needs_its_date(recommendation):
    errors = form_errors(recommendation, decision=Decision.ACCEPTED)

    assert errors["decided_on"] == ["Give the date the board decided."]


def test_a_decision_cannot_be_dated_in_the_future(recommendation):
    tomorrow = timezone.localdate() + timedelta(days=1)

    errors = form_errors(recommendation, decision=Decision.ACCEPTED, decided_on=tomorrow.isoformat())

    assert errors["decided_on"] == ["The date of the decision cannot be in the future."]


def test_a_decision_date_may_be_typed_the_british_way(recommendation):
    assert not form_errors(recommendation, decision=Decision.ACCEPTED, decided_on="12/03/2026")


def test_who_decided_without_a_decision_is_refused(recommendation):
    errors = form_errors(recommendation, decided_by="The board")

    assert errors["decision"] == ["Choose the board's decision, or clear who decided, the meeting and the date."]


def test_the_manager_records_a_decision(manager_client, recommendation):
    url = reverse("assurance:recommendation_update", args=[recommendation.pk])
    decision = {
        "decision": Decision.NOT_ACCEPTED,
        "decision_reasons": "Already covered by the audit programme.",
        "decided_by": "The board",
        "decision_meeting": "Board, 12 March 2026",
        "decided_on": "2026-03-12",
    }

    response = manager_client.post(url, data(recommendation, **decision))

    assert response.status_code == HTTPStatus.FOUND
    saved = AssuranceRecommendation.objects.get(pk=recommendation.pk)
    assert (saved.decision, saved.decision_reasons, saved.decided_on) == (
        Decision.NOT_ACCEPTED,
        "Already covered by the audit programme.",
        date(2026, 3, 12),
    )
    assert saved.version == recommendation.version + 1


def test_a_stale_decision_is_refused(manager_client, recommendation):
    url = reverse("assurance:recommendation_update", args=[recommendation.pk])
    AssuranceRecommendation.objects.filter(pk=recommendation.pk).update(version=recommendation.version + 1)

    response = manager_client.post(url, data(recommendation, decision=Decision.ACCEPTED, decided_on="2026-03-12"))

    assert response.status_code == HTTPStatus.OK
    assert "so your changes were not saved" in response.content.decode()
    assert AssuranceRecommendation.objects.get(pk=recommendation.pk).decision == Decision.AWAITING


def test_bad_decision_shows_the_page_again_and_saves_nothing(manager_client, recommendation):
    url = reverse("assurance:recommendation_update", args=[recommendation.pk])

    response = manager_client.post(url, data(recommendation, decision=Decision.NOT_ACCEPTED, decided_on="2026-03-12"))

    assert response.status_code == HTTPStatus.OK
    assert "Give the board&#x27;s reasons" in response.content.decode()
    assert AssuranceRecommendation.objects.get(pk=recommendation.pk).decision == Decision.AWAITING


def test_readers_and_contributors_may_not_record_decisions(reader_client, recommendation):
    url = reverse("assurance:recommendation_update", args=[recommendation.pk])

    response = reader_client.post(url, data(recommendation, decision=Decision.ACCEPTED, decided_on="2026-03-12"))

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert AssuranceRecommendation.objects.get(pk=recommendation.pk).decision == Decision.AWAITING
