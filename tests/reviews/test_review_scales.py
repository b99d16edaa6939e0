"""A review's actions may report in plans with different scales: each is counted and shown on its own plan's."""

from datetime import date

import pytest

from core.models import RatingScale
from reviews import services
from tests.factories import BusinessPlanFactory, ProgressRoundFactory, ProgressUpdateFactory
from tests.reviews.factories import RecommendationFactory, ReviewFactory

pytestmark = pytest.mark.django_db


def plan_on(scale_name: str, title: str):
    plan = BusinessPlanFactory(title=title, rating_scale=RatingScale.objects.get(name=scale_name))
    ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31))
    return plan


def test_a_reviews_counts_and_badges_use_each_actions_plan_scale(reader_client):
    review = ReviewFactory(name="Child S", code="CS")
    recommendation = RecommendationFactory(review=review, number=1)
    for plan, rating in [(plan_on("four-point", "2025/26"), "3"), (plan_on("rag", "2026/27"), "red")]:
        action = services.add_recommendation_action(recommendation, plan=plan, text="Audit.", lead_agencies=[])
        ProgressUpdateFactory(action=action, round=plan.rounds.get(), rag=rating)

    html = reader_client.get(review.get_absolute_url()).content.decode()

    assert '<span class="rag rag-four-point--3">3 Slipped</span> <span class="rag-count">1</span>' in html
    assert '<span class="rag rag-red">Red</span> <span class="rag-count">1</span>' in html
    # Each scale's counts under its name, as two scales' counts cannot share one key.
    assert "Four-point: 1 Achieved to 4 Not achieved" in html
