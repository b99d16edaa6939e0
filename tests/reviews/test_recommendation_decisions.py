"""The board's decision on a case review's recommendation, recorded on its form with the same rules as any source."""

from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from core.models.decisions import Decision
from reviews.models import Recommendation
from tests.reviews.factories import RecommendationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def recommendation(lead_agency):
    return RecommendationFactory(number=2, text="Share chronologies.", agencies=[lead_agency])


def post(client, recommendation, **decision):
    data = {
        "number": recommendation.number,
        "text": recommendation.text,
        "agencies": [agency.pk for agency in recommendation.agencies.all()],
        "version": recommendation.version,
        **decision,
    }
    return client.post(reverse("reviews:recommendation_update", args=[recommendation.pk]), data)


def test_the_manager_records_a_partly_accepted_decision_with_reasons(manager_client, recommendation):
    response = post(
        manager_client,
        recommendation,
        decision=Decision.PARTLY_ACCEPTED,
        decision_reasons="Health accept; the police already do this.",
        decided_by="Executive group",
        decision_meeting="Executive, 2 March 2026",
        decided_on="2026-03-02",
    )

    assert response.status_code == HTTPStatus.FOUND
    saved = Recommendation.objects.get(pk=recommendation.pk)
    assert saved.get_decision_display() == "Partly accepted"
    assert (saved.decided_by, saved.decision_meeting, saved.decided_on) == (
        "Executive group",
        "Executive, 2 March 2026",
        date(2026, 3, 2),
    )


def test_a_not_accepted_decision_without_reasons_is_refused(manager_client, recommendation):
    response = post(manager_client, recommendation, decision=Decision.NOT_ACCEPTED, decided_on="2026-03-02")

    assert response.status_code == HTTPStatus.OK
    assert "a recommendation not accepted needs them" in response.content.decode()
    assert Recommendation.objects.get(pk=recommendation.pk).decision == Decision.AWAITING


def test_a_decision_without_its_date_is_refused(manager_client, recommendation):
    response = post(manager_client, recommendation, decision=Decision.ACCEPTED)

    assert "Give the date the board decided." in response.content.decode()
    assert Recommendation.objects.get(pk=recommendation.pk).decision == Decision.AWAITING


def test_the_form_offers_the_decision_in_words(manager_client, recommendation):
    response = manager_client.get(reverse("reviews:recommendation_update", args=[recommendation.pk]))

    page = response.content.decode()
    for label in ("Awaiting decision", "Accepted", "Partly accepted", "Not accepted"):
        assert label in page
