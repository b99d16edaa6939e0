"""Making plan actions out of a recommendation or a CDOP annual report, with references that name the source.

A review's action is "CS-2.1" (review code, recommendation number, action number); a CDOP action is
"CDOP25-1" (the panel's year by the year it ends in, action number). Both are unique within their plan.
"""

import re
from datetime import date

from django.db import transaction

from objectives.models import Action, Agency, BusinessPlan

from .models import CdopAction, CdopYear, Recommendation, RecommendationAction


def recommendation_prefix(recommendation: Recommendation) -> str:
    return f"{recommendation.review.code}-{recommendation.number}."


def cdop_prefix(year: CdopYear) -> str:
    return f"CDOP{year.ends_on.year % 100:02d}-"


def next_ref(plan: BusinessPlan, prefix: str) -> str:
    """The prefix and one more than the highest number after it in the plan, counting hidden actions too."""
    pattern = re.compile(rf"^{re.escape(prefix)}(\d+)$")
    taken = Action.objects.filter(plan=plan, ref__startswith=prefix).values_list("ref", flat=True)
    numbers = [int(match.group(1)) for ref in taken if (match := pattern.match(ref))]
    return f"{prefix}{max(numbers, default=0) + 1}"


def _new_action(
    *,
    plan: BusinessPlan,
    prefix: str,
    text: str,
    lead_agencies: list[Agency],
    target_on: date | None,
    target_is_month: bool,
) -> Action:
    action = Action(
        plan=plan,
        objective=None,
        ref=next_ref(plan, prefix),
        text=text,
        target_on=target_on,
        target_is_month=target_is_month if target_on else False,
    )
    action.full_clean()
    action.save()
    action.lead_agencies.set(lead_agencies)
    return action


@transaction.atomic
def add_recommendation_action(
    recommendation: Recommendation,
    *,
    plan: BusinessPlan,
    text: str,
    lead_agencies: list[Agency],
    target_on: date | None = None,
    target_is_month: bool = False,
) -> Action:
    """A new action of the recommendation, reporting in `plan`'s progress rounds."""
    action = _new_action(
        plan=plan,
        prefix=recommendation_prefix(recommendation),
        text=text,
        lead_agencies=lead_agencies,
        target_on=target_on,
        target_is_month=target_is_month,
    )
    RecommendationAction.objects.create(recommendation=recommendation, action=action)
    return action


@transaction.atomic
def add_cdop_action(
    year: CdopYear,
    *,
    plan: BusinessPlan,
    text: str,
    lead_agencies: list[Agency],
    target_on: date | None = None,
    target_is_month: bool = False,
) -> Action:
    """A new action from the panel's annual report for `year`, reporting in `plan`'s progress rounds."""
    action = _new_action(
        plan=plan,
        prefix=cdop_prefix(year),
        text=text,
        lead_agencies=lead_agencies,
        target_on=target_on,
        target_is_month=target_is_month,
    )
    CdopAction.objects.create(year=year, action=action)
    return action
