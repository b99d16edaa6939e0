"""Counts by latest rating taken from actions a page has already listed (tallies_of) equal the counting query's."""

from datetime import date

import pytest

from core.models import RatingScale
from objectives.models import Action, ProgressUpdate
from objectives.models.actions import tallies_of
from reviews.selectors import latest_accepted_progress
from tests.factories import ActionFactory, BusinessPlanFactory, ProgressRoundFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db


def plan_on(scale_name: str, title: str):
    plan = BusinessPlanFactory(title=title, rating_scale=RatingScale.objects.get(name=scale_name))
    rounds = [ProgressRoundFactory(plan=plan, as_of=date(2025, month, 28)) for month in (6, 12)]
    return plan, rounds


def listed_as_the_pages_list_them(pks, user) -> list[Action]:
    """As reviews.selectors lists a review's or a CDOP year's actions: scale and levels fetched, latest update set."""
    actions = list(
        Action.objects.filter(pk__in=pks)
        .select_related("plan__rating_scale")
        .prefetch_related("plan__rating_scale__levels")
    )
    latest = latest_accepted_progress(actions, user=user)
    for action in actions:
        action.latest_update = latest.get(action.pk)
    return actions


def test_tallies_of_listed_actions_equal_the_counting_query_without_a_query(board_manager, django_assert_num_queries):
    (four_point, (june, december)), (rag, (_, rag_december)), (none, _) = (
        plan_on("four-point", "2025/26"),
        plan_on("rag", "2026/27"),
        plan_on("none", "2027/28"),
    )
    rated_twice = ActionFactory(objective__aim__plan=four_point)
    ProgressUpdateFactory(action=rated_twice, round=june, rag="1")
    ProgressUpdateFactory(action=rated_twice, round=december, rag="3")  # the latest counts
    draft_later = ActionFactory(objective__aim__plan=four_point)
    ProgressUpdateFactory(action=draft_later, round=june, rag="2")
    ProgressUpdateFactory(action=draft_later, round=december, rag="4", state=ProgressUpdate.State.DRAFT)
    blank = ActionFactory(objective__aim__plan=four_point)
    ProgressUpdateFactory(action=blank, round=december, rag="")
    never_updated = ActionFactory(objective__aim__plan=rag)
    red = ActionFactory(objective__aim__plan=rag)
    ProgressUpdateFactory(action=red, round=rag_december, rag="red")
    unrated_plan = ActionFactory(objective__aim__plan=none)
    pks = [action.pk for action in (rated_twice, draft_later, blank, never_updated, red, unrated_plan)]
    listed = listed_as_the_pages_list_them(pks, board_manager)

    with django_assert_num_queries(0):
        tallies = tallies_of(listed)

    assert tallies == Action.objects.filter(pk__in=pks).rating_tallies()  # the same tallies in the same order
    by_name = {tally.scale.name: tally for tally in tallies}
    assert (by_name["four-point"].counts["3"], by_name["four-point"].counts["2"]) == (1, 1)
    assert by_name["four-point"].total == 3
    assert (by_name["rag"].counts["red"], by_name["rag"].counts["none"]) == (1, 1)
    assert (by_name["none"].counts, by_name["none"].total) == ({}, 1)


def test_no_actions_make_no_tallies():
    assert tallies_of([]) == [] == Action.objects.none().rating_tallies()
