"""The register's two providers: case reviews' recommendations and assurance's, with their decisions and actions,
read in a fixed number of queries and only by those who may read them."""

from datetime import date

import pytest
from django.urls import reverse

from assurance.register_entries import assurance_entries
from assurance.services.recommendations import add_recommendation_action
from core.models.decisions import Decision
from core.recommendations import Status, entries_for
from objectives.models import Action
from reviews import services as review_services
from reviews.register_entries import review_entries
from tests.factories import AssuranceRecommendationFactory, BusinessPlanFactory, UserFactory
from tests.reviews.factories import RecommendationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    return BusinessPlanFactory(title="Register plan")


def test_a_case_review_recommendation_is_an_entry_with_its_review_as_source(lead_agency, plan, reader):
    recommendation = RecommendationFactory(review__name="Child S", review__code="CS", number=2, agencies=[lead_agency])
    review_services.add_recommendation_action(recommendation, plan=plan, text="Train staff.", lead_agencies=[])

    [entry] = review_entries(user=reader)

    assert (entry.kind, entry.kind_label, entry.source, entry.number) == ("case_review", "Case review", "Child S", 2)
    assert entry.source_url == recommendation.review.get_absolute_url()
    assert entry.agencies == ("Fenbridge Police",)
    assert [action.ref for action in entry.actions] == ["CS-2.1"]
    assert entry.edit_url == ""  # a reader records no decision


def test_an_assurance_recommendation_is_an_entry_with_its_source(lead_agency, plan, board_manager):
    recommendation = AssuranceRecommendationFactory(
        source__title="Ofsted inspection, March 2026",
        source__code="OF26",
        number=3,
        agencies=[lead_agency],
        decision=Decision.ACCEPTED,
        decided_on=date(2026, 3, 12),
    )
    add_recommendation_action(recommendation, plan=plan, text="Audit strategy meetings.", lead_agencies=[])

    [entry] = assurance_entries(user=board_manager)

    assert (entry.kind_label, entry.source, entry.number) == ("Ofsted inspection", "Ofsted inspection, March 2026", 3)
    assert entry.decision_label == "Accepted"
    assert entry.status == Status.IN_PROGRESS
    assert [(action.ref, action.status_label) for action in entry.actions] == [("OF26-3.1", "Open")]
    assert entry.edit_url == reverse("assurance:recommendation_update", args=[recommendation.pk])


def test_completed_actions_make_an_entry_done(plan, board_manager):
    recommendation = AssuranceRecommendationFactory(decision=Decision.ACCEPTED, decided_on=date(2026, 3, 12))
    action = add_recommendation_action(recommendation, plan=plan, text="Audit.", lead_agencies=[])
    Action.objects.filter(pk=action.pk).update(status=Action.Status.COMPLETED, completed_on=date(2026, 4, 1))

    [entry] = assurance_entries(user=board_manager)

    assert entry.status == Status.DONE


def test_a_user_without_the_view_permission_gets_nothing():
    AssuranceRecommendationFactory()
    RecommendationFactory()
    nobody = UserFactory(username="no-role")

    assert review_entries(user=nobody) == []
    assert assurance_entries(user=nobody) == []


def test_no_user_means_every_entry_for_the_paper():
    AssuranceRecommendationFactory()
    RecommendationFactory()

    assert len(entries_for(None)) == 2


def _add_sources(plan, lead_agency, count):
    for _ in range(count):
        recommendation = AssuranceRecommendationFactory(agencies=[lead_agency])
        add_recommendation_action(recommendation, plan=plan, text="Act.", lead_agencies=[lead_agency])
        review_recommendation = RecommendationFactory(agencies=[lead_agency])
        review_services.add_recommendation_action(review_recommendation, plan=plan, text="Act.", lead_agencies=[])


def test_the_register_reads_in_six_queries_however_many_entries(django_assert_num_queries, plan, lead_agency):
    _add_sources(plan, lead_agency, 2)
    with django_assert_num_queries(6):
        assert len(entries_for(None)) == 4

    _add_sources(plan, lead_agency, 3)
    with django_assert_num_queries(6):
        assert len(entries_for(None)) == 10
