"""The bench's data builder makes the shape bench/README.md states, here at a tiny size."""

import pytest
from django.contrib.auth import get_user_model

from bench import data
from objectives import roles
from objectives.models import Action, Aim, Objective, ProgressRound, ProgressUpdate

pytestmark = pytest.mark.django_db


@pytest.fixture
def tiny():
    return data.build(sizes=(3,), rounds=2, officers=3, load_size=3)


def test_a_tiny_plan_has_its_actions_under_one_objective_and_aim(tiny):
    plan = tiny.plans[3]
    assert Aim.objects.filter(plan_id=plan.plan_id).count() == 1
    assert Objective.objects.filter(plan_id=plan.plan_id).count() == 1
    assert list(Action.objects.filter(plan_id=plan.plan_id).order_by("sort_key").values_list("ref", flat=True)) == [
        "1.1.1",
        "1.1.2",
        "1.1.3",
    ]
    assert all(action.lead_agencies.exists() for action in Action.objects.filter(plan_id=plan.plan_id))


def test_each_closed_round_has_accepted_progress_of_about_a_thousand_characters_and_the_last_is_open(tiny):
    plan = tiny.plans[3]
    rounds = list(ProgressRound.objects.filter(plan_id=plan.plan_id).order_by("as_of"))
    assert [progress_round.closed_at is None for progress_round in rounds] == [False, False, True]
    assert (plan.report_round_id, plan.open_round_id) == (rounds[1].pk, rounds[2].pk)
    updates = ProgressUpdate.objects.filter(round__plan_id=plan.plan_id)
    assert updates.count() == updates.filter(state=ProgressUpdate.State.ACCEPTED, round__in=rounds[:2]).count() == 6
    assert all(700 <= len(update.progress) + len(update.impact) <= 1400 for update in updates)
    assert all("\n- " in update.progress and update.rag for update in updates)


def test_each_officer_may_write_the_progress_of_the_action_they_save(tiny):
    assert len(tiny.officers) == 3
    for username, action_id in tiny.officers:
        officer = get_user_model().objects.get(username=username)
        assert Action.objects.editable_by(officer).filter(pk=action_id).exists()


def test_the_manager_is_a_board_manager(tiny):
    assert roles.is_board_manager(get_user_model().objects.get(username=data.MANAGER))
