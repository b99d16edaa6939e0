"""The little-progress section lists exactly the open actions its three rules pick, each with its reasons in words."""

from datetime import date

import pytest

from core.models import RatingScale
from mscb.yearly.sections import little_progress
from mscb.yearly.year import load_plan
from objectives.models import Action, ProgressUpdate
from tests.factories import ActionFactory, ObjectiveFactory, ProgressRoundFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db

Rag = ProgressUpdate.Rag


@pytest.fixture
def objective():
    return ObjectiveFactory(ref="1.1", aim__number="1")


@pytest.fixture
def rounds(objective):
    return [
        ProgressRoundFactory(plan=objective.plan, as_of=as_of, deadline=None)
        for as_of in (date(2025, 9, 30), date(2025, 12, 31), date(2026, 3, 31))
    ]


def action_with(objective, rounds, ref: str, ratings: list, **fields) -> Action:
    """An action with an accepted update of each rating in the rounds in order; None skips that round."""
    action = ActionFactory(objective=objective, ref=ref, **fields)
    for progress_round, rag in zip(rounds, ratings, strict=True):
        if rag is not None:
            ProgressUpdateFactory(action=action, round=progress_round, rag=rag)
    return action


def listed(plan) -> dict[str, list[str]]:
    figures = little_progress.build(load_plan(plan.pk))
    return {row["ref"]: row["reasons"] for row in figures["actions"]}


def test_each_rule_picks_its_actions_and_names_why_and_the_rest_are_left_out(objective, rounds):
    green = [Rag.GREEN] * 3
    action_with(objective, rounds, "1.1.1", [Rag.GREEN, Rag.GREEN, Rag.RED])
    action_with(objective, rounds, "1.1.2", [Rag.NOT_STARTED] * 3)
    action_with(objective, rounds, "1.1.3", green, target_on=date(2026, 1, 31), target_is_month=True)
    action_with(objective, rounds, "1.1.4", [Rag.GREEN, Rag.GREEN, None])
    action_with(objective, rounds, "1.1.5", [None, None, Rag.AMBER])
    submitted = action_with(objective, rounds, "1.1.6", [Rag.GREEN, Rag.GREEN, None])
    ProgressUpdateFactory(action=submitted, round=rounds[2], rag=Rag.GREEN, state=ProgressUpdate.State.SUBMITTED)
    action_with(objective, rounds, "1.1.7", [None, None, Rag.RED], target_on=date(2025, 12, 1))
    action_with(objective, rounds, "1.1.8", green, target_on=date(2026, 6, 30))
    action_with(objective, rounds, "1.1.9", [None] * 3, status=Action.Status.COMPLETED, completed_on=date(2025, 8, 1))
    action_with(objective, rounds, "1.1.10", [None, None, Rag.RED], status=Action.Status.WITHDRAWN)

    assert listed(objective.plan) == {
        "1.1.1": ["Low rating: Red"],
        "1.1.2": ["Low rating: Not started"],
        "1.1.3": ["Slippage: target January 2026 passed"],
        "1.1.4": ["Missing updates: none accepted in Progress report March 2026"],
        "1.1.5": ["Missing updates: none accepted in 2 rounds of 3"],
        "1.1.6": ["Missing updates: none accepted in Progress report March 2026"],
        "1.1.7": [
            "Low rating: Red",
            "Slippage: target 1 December 2025 passed",
            "Missing updates: none accepted in 2 rounds of 3",
        ],
    }


def test_a_plan_that_rates_nothing_skips_the_low_rating_rule(objective, rounds):
    plan = objective.plan
    plan.rating_scale = RatingScale.objects.get(name="none")
    plan.save()
    action_with(objective, rounds, "1.1.1", [""] * 3)
    action_with(objective, rounds, "1.1.2", ["", "", None])

    assert listed(plan) == {"1.1.2": ["Missing updates: none accepted in Progress report March 2026"]}


def test_the_rules_are_shown_with_the_list(objective, rounds):
    figures = little_progress.build(load_plan(objective.plan.pk))

    assert figures["rules"] == little_progress.RULES
    assert figures["as_of"] == "Progress report March 2026"


def test_a_plan_with_no_round_lists_nothing(objective):
    ActionFactory(objective=objective)

    assert little_progress.build(load_plan(objective.plan.pk))["actions"] == []
