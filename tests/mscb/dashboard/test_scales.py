"""Movement on each plan's own scale: RAG's order with its rules, a board's own scale, and a plan that rates nothing."""

from datetime import date

import pytest

from core import rating
from core.models import RatingScale
from mscb.dashboard.movement import Movement, movement
from tests.factories import (
    ActionFactory,
    AimFactory,
    BusinessPlanFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
    RatingLevelFactory,
    RatingScaleFactory,
)

from .conftest import lines_of


@pytest.mark.parametrize(
    ("before", "now", "expected"),
    [
        ("amber", "green", Movement.IMPROVED),
        ("green", "amber", Movement.WORSE),
        ("red", "red", Movement.UNCHANGED),
        # Reaching complete is better, leaving it worse.
        ("green", "complete", Movement.IMPROVED),
        ("complete", "green", Movement.WORSE),
        # Starting but off track is worse than not started; out of Red is better, even to Not started.
        ("not_started", "red", Movement.WORSE),
        ("red", "not_started", Movement.IMPROVED),
        ("not_started", "amber", Movement.IMPROVED),
        # No rating before (no update, a blank rating, a value the scale lacks) is new; none now is not rated.
        (None, "green", Movement.NEW),
        ("", "red", Movement.NEW),
        ("purple", "green", Movement.NEW),
        ("green", "", Movement.NOT_RATED),
        ("green", None, Movement.NOT_RATED),
    ],
)
def test_movement_on_rag(before, now, expected):
    assert movement(rating.RAG, before, now) == expected


def test_movement_on_the_four_point_scale_follows_its_ranks():
    assert movement(rating.FOUR_POINT, "3", "2") == Movement.IMPROVED
    assert movement(rating.FOUR_POINT, "3", "4") == Movement.WORSE
    assert movement(rating.FOUR_POINT, "1", "2") == Movement.WORSE


def test_a_plan_with_its_own_scale_counts_and_moves_on_it(reader_client, dashboard_url):
    scale = RatingScaleFactory(name="council", title="Council")
    RatingLevelFactory(scale=scale, position=1, code="done", label="Done", rank=3, counts_as_complete=True)
    RatingLevelFactory(scale=scale, position=2, code="fine", label="Fine", rank=2)
    RatingLevelFactory(scale=scale, position=3, code="late", label="Late", rank=1, is_exception=True)
    plan = _plan_with_two_rounds(scale, [("fine", "late"), ("late", "done"), ("done", "done")])

    dashboard = reader_client.get(dashboard_url, {"plan": plan.pk}).context["dashboard"]

    assert [column.label for column in dashboard.columns] == ["Done", "Fine", "Late", "No update"]
    assert lines_of(dashboard.rating_lines)[-1] == ("Total", 3, (2, 0, 1, 0))
    # Improved, worse, unchanged, new, not rated.
    assert lines_of(dashboard.movement_lines)[-1] == ("Total", 3, (1, 1, 1, 0, 0))
    assert [flagged.reasons for flagged in dashboard.flagged] == [
        ("Worse since September 2025: Fine then, Late now", "Rated Late")
    ]
    assert dashboard.panels[0].summary == (
        "In December 2025, 2 of 3 actions were rated Done, up from 1 in September 2025; "
        "1 was rated Late, the same as before."
    )


def test_a_plan_that_rates_nothing_counts_actions_and_has_no_movement_or_chart(reader_client, dashboard_url):
    plan = _plan_with_two_rounds(RatingScale.objects.get(name="none"), [("", ""), (None, "")])

    response = reader_client.get(dashboard_url, {"plan": plan.pk})

    dashboard = response.context["dashboard"]
    assert dashboard.columns == []
    assert lines_of(dashboard.rating_lines)[-1] == ("Total", 2, ())
    assert dashboard.movement_lines == []
    assert dashboard.panels == []
    assert "rates nothing, so there are no ratings to compare" in response.content.decode()


def _plan_with_two_rounds(scale, ratings: list[tuple]):
    """A tree plan on `scale` with an action per (September, December) pair; None sends no update that round."""
    plan = BusinessPlanFactory(starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31), rating_scale=scale)
    objective = ObjectiveFactory(aim=AimFactory(plan=plan))
    rounds = [
        ProgressRoundFactory(plan=plan, as_of=day, deadline=None) for day in (date(2025, 9, 30), date(2025, 12, 31))
    ]
    for pair in ratings:
        action = ActionFactory(objective=objective)
        for progress_round, value in zip(rounds, pair, strict=True):
            if value is not None:
                ProgressUpdateFactory(action=action, round=progress_round, rag=value)
    return plan


def test_a_list_plan_counts_its_total_alone_under_the_plan_s_name(reader_client, dashboard_url):
    plan = _plan_with_two_rounds(RatingScale.objects.get(name="rag"), [("red", "green")])
    plan.shape = "list"
    plan.save()

    response = reader_client.get(dashboard_url, {"plan": plan.pk})

    assert lines_of(response.context["dashboard"].movement_lines) == [("Total", 1, (1, 0, 0, 0, 0))]
    assert '<th scope="col">Business plan</th>' in response.content.decode()
