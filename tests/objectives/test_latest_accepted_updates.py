"""Each action's latest accepted update as at a round, the one rule behind the report, the papers and the yearly
report (objectives.selectors.report.latest_accepted_updates)."""

from datetime import date

import pytest
from django.utils import timezone

from objectives.models import Action, ProgressUpdate
from objectives.selectors.report import latest_accepted_updates
from tests.factories import (
    ActionFactory,
    BusinessPlanFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
)

pytestmark = pytest.mark.django_db

State = ProgressUpdate.State


@pytest.fixture
def plan():
    return BusinessPlanFactory()


@pytest.fixture
def rounds(plan):
    """June, December and March rounds of the plan, in date order."""
    return [
        ProgressRoundFactory(plan=plan, as_of=day) for day in (date(2025, 6, 30), date(2025, 12, 31), date(2026, 3, 31))
    ]


def latest_for(plan, progress_round):
    return latest_accepted_updates(actions=Action.objects.filter(plan=plan), progress_round=progress_round)


def test_this_rounds_update_wins_over_an_earlier_one(plan, rounds):
    june, december, _ = rounds
    action = ActionFactory(objective=ObjectiveFactory(aim__plan=plan))
    ProgressUpdateFactory(action=action, round=june)
    this_round = ProgressUpdateFactory(action=action, round=december)

    assert latest_for(plan, december) == {action.pk: this_round}


def test_the_latest_earlier_round_stands_in_when_this_round_has_none(plan, rounds):
    june, december, march = rounds
    action = ActionFactory(objective=ObjectiveFactory(aim__plan=plan))
    june_update = ProgressUpdateFactory(action=action, round=june)

    assert latest_for(plan, december)[action.pk] == june_update
    assert latest_for(plan, march)[action.pk] == june_update


def test_a_later_rounds_update_never_counts(plan, rounds):
    june, december, march = rounds
    action = ActionFactory(objective=ObjectiveFactory(aim__plan=plan))
    june_update = ProgressUpdateFactory(action=action, round=june)
    ProgressUpdateFactory(action=action, round=march)

    assert latest_for(plan, december) == {action.pk: june_update}


@pytest.mark.parametrize("state", [State.DRAFT, State.SUBMITTED, State.RETURNED])
def test_an_update_not_yet_accepted_is_passed_over_for_an_earlier_accepted_one(plan, rounds, state):
    june, december, _ = rounds
    action = ActionFactory(objective=ObjectiveFactory(aim__plan=plan))
    june_update = ProgressUpdateFactory(action=action, round=june)
    ProgressUpdateFactory(action=action, round=december, state=state)

    assert latest_for(plan, december) == {action.pk: june_update}


def test_an_action_with_no_accepted_update_has_no_entry(plan, rounds):
    _, december, _ = rounds
    action = ActionFactory(objective=ObjectiveFactory(aim__plan=plan))
    ProgressUpdateFactory(action=action, round=december, state=State.DRAFT)

    assert latest_for(plan, december) == {}


def test_each_action_gets_its_own_latest_update(plan, rounds):
    june, december, _ = rounds
    objective = ObjectiveFactory(aim__plan=plan)
    first, second = ActionFactory(objective=objective), ActionFactory(objective=objective)
    first_update = ProgressUpdateFactory(action=first, round=december)
    second_update = ProgressUpdateFactory(action=second, round=june)
    ProgressUpdateFactory(action=second, round=december, state=State.RETURNED)

    assert latest_for(plan, december) == {first.pk: first_update, second.pk: second_update}


def test_another_plans_actions_and_rounds_are_left_out(plan, rounds):
    _, december, _ = rounds
    other_plan = BusinessPlanFactory()
    other_action = ActionFactory(objective=ObjectiveFactory(aim__plan=other_plan))
    ProgressUpdateFactory(action=other_action, round=ProgressRoundFactory(plan=other_plan, as_of=date(2025, 9, 30)))
    action = ActionFactory(objective=ObjectiveFactory(aim__plan=plan))
    update = ProgressUpdateFactory(action=action, round=december)

    found = latest_accepted_updates(actions=Action.objects.all(), progress_round=december)

    assert found == {action.pk: update}


def test_of_two_updates_on_the_same_date_the_newer_row_counts():
    """Rounds of two plans may share a date (an action's update in its own plan's and a review's round, say)."""
    action = ActionFactory()
    older = ProgressUpdateFactory(action=action, round=ProgressRoundFactory(plan=action.plan, as_of=date(2025, 9, 30)))
    other_plan = BusinessPlanFactory()
    newer = ProgressUpdateFactory(action=action, round=ProgressRoundFactory(plan=other_plan, as_of=date(2025, 9, 30)))

    latest = ProgressUpdate.objects.filter(action=action).latest_per_action()

    assert list(latest) == [newer]
    assert older.pk < newer.pk


def test_the_latest_updates_are_one_query_however_many_actions(plan, rounds, django_assert_num_queries):
    june, december, _ = rounds
    objective = ObjectiveFactory(aim__plan=plan)
    for action in ActionFactory.create_batch(6, objective=objective):
        ProgressUpdateFactory(action=action, round=june)
        ProgressUpdateFactory(action=action, round=december)

    # The accepted updates numbered per action, the first of each with its round.
    with django_assert_num_queries(1):
        found = latest_for(plan, december)

    assert {update.round_id for update in found.values()} == {december.pk}
    assert len(found) == 6


def test_updates_of_one_round_share_that_round_read_whole_in_the_same_query(plan, rounds, django_assert_num_queries):
    june, december, _ = rounds
    december.closed_at = timezone.now()
    december.save()
    objective = ObjectiveFactory(aim__plan=plan)
    from_june, from_december, also_december = ActionFactory.create_batch(3, objective=objective)
    ProgressUpdateFactory(action=from_june, round=june)
    ProgressUpdateFactory(action=from_december, round=december)
    ProgressUpdateFactory(action=also_december, round=december)

    with django_assert_num_queries(1):
        found = latest_for(plan, december)
        shown = {pk: (update.round.label, update.round.is_closed) for pk, update in found.items()}
        # What the papers read of each update comes in the same query.
        read = [(update.action_id, update.rag, update.progress, update.impact) for update in found.values()]

    assert len(read) == 3
    # and nothing else: making 1,000 updates with every field set cost a third more.
    assert {"state", "author_id", "created_at", "return_comment"} <= found[from_june.pk].get_deferred_fields()
    assert found[from_december.pk].round is found[also_december.pk].round
    assert found[from_june.pk].round == june
    assert shown[from_june.pk] == (june.label, False)
    assert shown[from_december.pk] == (december.label, True)
    round_read = found[from_december.pk].round
    assert [getattr(round_read, field.attname) for field in december._meta.concrete_fields] == [
        getattr(december, field.attname) for field in december._meta.concrete_fields
    ]
    # Only the update's own fields are left on it.
    assert not [name for name in vars(found[from_june.pk]) if name.startswith("shared_round_")]
