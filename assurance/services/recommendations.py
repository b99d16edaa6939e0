"""Writing the register's own sources: an inspection or review with its recommendations, the board's decision on
each, and the actions it agrees (plan actions with no objective, see objectives.services.sourced_actions)."""

from collections.abc import Iterable
from datetime import date
from typing import Unpack

from django.db import transaction

from objectives.models import Action, Agency, BusinessPlan
from objectives.services.conflicts import take_next_version
from objectives.services.sourced_actions import ActionFields, add_sourced_action

from ..models import AssuranceRecommendation, RecommendationSource, SourcedRecommendationAction


def record_source(
    *, kind: str, title: str, code: str, plan: BusinessPlan, reported_on: date | None = None, summary: str = ""
) -> RecommendationSource:
    """A new source of recommendations, such as an Ofsted inspection, whose actions report in `plan`."""
    source = RecommendationSource(
        kind=kind, title=title, code=code, plan=plan, reported_on=reported_on, summary=summary
    )
    source.full_clean()
    source.save()
    return source


@transaction.atomic
def save_source(*, source: RecommendationSource, expected_version: int | None) -> RecommendationSource:
    """Save an edited source unless someone saved it after `expected_version` was loaded."""
    take_next_version(source, expected_version=expected_version, subject=str)
    source.save()
    return source


@transaction.atomic
def add_recommendation(
    *, source: RecommendationSource, number: int, text: str, agencies: Iterable[Agency] = (), **decision
) -> AssuranceRecommendation:
    """A numbered recommendation of `source`, with the board's decision if it has one (`decision` and the rest)."""
    recommendation = AssuranceRecommendation(source=source, number=number, text=text, **decision)
    recommendation.full_clean()
    recommendation.save()
    recommendation.agencies.set(agencies)
    return recommendation


@transaction.atomic
def save_recommendation(
    *, recommendation: AssuranceRecommendation, agencies: Iterable[Agency], expected_version: int | None
) -> AssuranceRecommendation:
    """Save a recommendation, its decision and agencies unless someone saved it after `expected_version`."""
    take_next_version(
        recommendation, expected_version=expected_version, subject=lambda saved: f"recommendation {saved.number}"
    )
    recommendation.save()
    recommendation.agencies.set(agencies)
    return recommendation


@transaction.atomic
def add_recommendation_action(
    recommendation: AssuranceRecommendation, *, plan: BusinessPlan, **fields: Unpack[ActionFields]
) -> Action:
    """A new action on the recommendation (OF26-3.1 for Ofsted's recommendation 3), reporting in `plan`."""
    action = add_sourced_action(plan=plan, prefix=recommendation.action_ref_prefix, **fields)
    SourcedRecommendationAction.objects.create(recommendation=recommendation, action=action)
    return action
