"""A case review's or the panel's action carried into next year's plan stays its recommendation's or year's."""

from datetime import date

import pytest

from objectives import carry_over
from objectives.models import Action
from objectives.services.rollover import roll_over_plan
from reviews import services as review_services
from reviews.carry_over import link_carried_action
from reviews.models import CdopAction, RecommendationAction
from tests.reviews.factories import CdopYearFactory, RecommendationFactory

from .conftest import next_year

pytestmark = pytest.mark.django_db


def test_a_recommendations_action_continues_with_its_recommendation(source, board_manager, manager_client):
    recommendation = RecommendationFactory()
    old = review_services.add_recommendation_action(
        recommendation, plan=source.plan, text="Train every GP practice", lead_agencies=[]
    )

    plan = roll_over_plan(**next_year(source.plan), by=board_manager)

    new = plan.actions.get(carried_from=old)
    assert (new.ref, new.objective) == (old.ref, None)
    assert RecommendationAction.objects.get(action=new).recommendation == recommendation
    page = manager_client.get(recommendation.review.get_absolute_url()).content.decode()
    assert page.count("Train every GP practice") == 2
    assert "In 2026/27, carried over from 2025/26" in page


def test_a_cdop_action_continues_with_its_year(source, board_manager, manager_client):
    year = CdopYearFactory()
    old = review_services.add_cdop_action(year, plan=source.plan, text="Publish safer sleep advice", lead_agencies=[])

    plan = roll_over_plan(**next_year(source.plan), by=board_manager)

    new = plan.actions.get(carried_from=old)
    assert CdopAction.objects.get(action=new).year == year
    assert "In 2026/27, carried over from 2025/26" in manager_client.get(year.get_absolute_url()).content.decode()


def test_a_completed_review_action_is_not_carried(source, board_manager):
    old = review_services.add_recommendation_action(
        RecommendationFactory(), plan=source.plan, text="Done already", lead_agencies=[]
    )
    old.mark_completed(date(2026, 1, 1))
    old.save()

    plan = roll_over_plan(**next_year(source.plan), by=board_manager)

    assert not plan.actions.filter(carried_from=old).exists()
    assert RecommendationAction.objects.count() == 1


def _refuse(old, new):
    raise RuntimeError("a listener failed")


def test_a_failing_listener_undoes_the_whole_rollover(source, board_manager):
    carry_over.register(_refuse)
    try:
        with pytest.raises(RuntimeError):
            roll_over_plan(**next_year(source.plan), by=board_manager)
    finally:
        carry_over.unregister(_refuse)

    assert not Action.objects.filter(carried_from__isnull=False).exists()
    assert not source.plan.__class__.objects.filter(title="2026/27").exists()


def test_the_reviews_app_registers_its_listener():
    assert link_carried_action in carry_over._REGISTERED
