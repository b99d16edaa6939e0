"""Sources of recommendations: recording one, its page, editing it, adding recommendations and actions to it."""

from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from assurance.models import AssuranceRecommendation, RecommendationSource
from assurance.services.recommendations import add_recommendation_action, record_source
from core.models.decisions import Decision
from objectives.models import Action
from tests.factories import AssuranceRecommendationFactory, BusinessPlanFactory, RecommendationSourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    return BusinessPlanFactory(title="Register plan", starts_on=date(2025, 4, 1))


def source_data(plan, **changes):
    return {
        "kind": "ofsted",
        "title": "Ofsted inspection of children's services, March 2026",
        "code": "OF26",
        "reported_on": "2026-03-01",
        "summary": "Requires improvement.",
        "plan": plan.pk,
        **changes,
    }


def test_the_manager_records_an_inspection(manager_client, plan):
    response = manager_client.post(reverse("assurance:source_create"), source_data(plan))

    source = RecommendationSource.objects.get()
    assert response.url == reverse("assurance:source_detail", args=[source.pk])
    assert (source.kind, source.code, source.reported_on) == ("ofsted", "OF26", date(2026, 3, 1))


def test_a_taken_prefix_is_named(manager_client, plan):
    RecommendationSourceFactory(code="OF26")

    response = manager_client.post(reverse("assurance:source_create"), source_data(plan))

    assert "Another source has this reference prefix" in response.content.decode()


def test_a_bad_prefix_is_named(manager_client, plan):
    response = manager_client.post(reverse("assurance:source_create"), source_data(plan, code="of-26"))

    assert "A reference prefix is up to 10 capital letters" in response.content.decode()
    assert not RecommendationSource.objects.exists()


def test_the_prefix_of_a_source_with_actions_cannot_change(manager_client, plan):
    recommendation = AssuranceRecommendationFactory(source__code="OF26", source__plan=plan)
    add_recommendation_action(recommendation, plan=plan, text="Act.", lead_agencies=[])
    source = recommendation.source
    url = reverse("assurance:source_update", args=[source.pk])

    response = manager_client.post(url, source_data(plan, title=source.title, code="OF27", version=source.version))

    assert "so the prefix cannot change" in response.content.decode()
    assert RecommendationSource.objects.get(pk=source.pk).code == "OF26"


def test_a_stale_edit_of_a_source_is_refused(manager_client, plan):
    source = RecommendationSourceFactory(plan=plan)
    RecommendationSource.objects.filter(pk=source.pk).update(version=2)
    url = reverse("assurance:source_update", args=[source.pk])

    response = manager_client.post(url, source_data(plan, title="Changed", version=1))

    assert "so your changes were not saved" in response.content.decode()
    assert RecommendationSource.objects.get(pk=source.pk).title == source.title


def test_the_source_page_lists_recommendations_with_decisions_and_actions(reader_client, plan, lead_agency):
    source = record_source(kind="jtai", title="JTAI on neglect", code="JT26", plan=plan)
    recommendation = AssuranceRecommendationFactory(
        source=source,
        number=2,
        agencies=[lead_agency],
        decision=Decision.PARTLY_ACCEPTED,
        decision_reasons="Only for schools.",
        decided_on=date(2026, 3, 12),
    )
    add_recommendation_action(recommendation, plan=plan, text="Brief head teachers.", lead_agencies=[])

    response = reader_client.get(source.get_absolute_url())

    page = response.content.decode()
    assert "Joint targeted area inspection (JTAI)" in page
    assert 'id="recommendation-2"' in page
    assert "Partly accepted" in page
    assert "Only for schools." in page
    assert "JT26-2.1" in page
    assert "Brief head teachers." in page
    assert "Edit or record decision" not in page


def test_the_manager_adds_a_recommendation_with_its_decision(manager_client, plan, lead_agency):
    source = RecommendationSourceFactory(plan=plan)
    url = reverse("assurance:recommendation_create", args=[source.pk])
    data = {
        "number": 1,
        "text": "Audit strategy meetings.",
        "agencies": [lead_agency.pk],
        "decision": Decision.ACCEPTED,
        "decided_on": "2026-03-12",
    }

    response = manager_client.post(url, data)

    assert response.status_code == HTTPStatus.FOUND
    recommendation = AssuranceRecommendation.objects.get()
    assert (recommendation.number, recommendation.decision) == (1, Decision.ACCEPTED)
    assert list(recommendation.agencies.all()) == [lead_agency]


def test_a_taken_number_is_named(manager_client, plan):
    existing = AssuranceRecommendationFactory(number=1, source__plan=plan)
    url = reverse("assurance:recommendation_create", args=[existing.source.pk])

    response = manager_client.post(url, {"number": 1, "text": "Again."})

    assert f"Recommendation 1 already exists in {existing.source}." in response.content.decode()


def test_the_manager_adds_an_action_with_the_sources_reference(manager_client, plan, lead_agency):
    recommendation = AssuranceRecommendationFactory(source__code="OF26", source__plan=plan, number=3)
    url = reverse("assurance:recommendation_action_create", args=[recommendation.pk])

    response = manager_client.post(
        url,
        {"plan": plan.pk, "text": "Audit strategy meetings.", "lead_agencies": [lead_agency.pk], "target": "2026-09"},
    )

    action = Action.objects.get()
    assert response.url == recommendation.get_absolute_url()
    assert (action.ref, action.plan, action.objective) == ("OF26-3.1", plan, None)
    assert action.assurance_recommendation_link.recommendation == recommendation


def test_the_action_form_starts_with_the_sources_plan(manager_client, plan):
    BusinessPlanFactory(title="Later plan", starts_on=date(2026, 4, 1), ends_on=date(2027, 3, 31))
    recommendation = AssuranceRecommendationFactory(source__plan=plan)

    response = manager_client.get(reverse("assurance:recommendation_action_create", args=[recommendation.pk]))

    assert response.context["form"]["plan"].value() == plan.pk


def test_a_missing_source_is_not_found(reader_client):
    assert reader_client.get(reverse("assurance:source_detail", args=[999])).status_code == HTTPStatus.NOT_FOUND


def test_contributors_may_not_add_recommendations(contributor_client, plan):
    source = RecommendationSourceFactory(plan=plan)

    response = contributor_client.post(reverse("assurance:recommendation_create", args=[source.pk]), {"number": 1})

    assert response.status_code == HTTPStatus.FORBIDDEN
