"""roll_over_plan: what a new year's plan gets from the old one, and what it refuses."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from objectives.models import Action, ProgressRound
from objectives.services.rollover import actions_to_carry, roll_over_plan
from tests.factories import BusinessPlanFactory, RatingLevelFactory

from .conftest import next_year

pytestmark = pytest.mark.django_db


def test_only_open_showing_actions_are_carried_with_their_refs(source, board_manager):
    plan = roll_over_plan(**next_year(source.plan), by=board_manager)

    assert list(plan.actions.in_ref_order().values_list("ref", flat=True)) == ["1.1.1", "1.2.2"]


def test_the_aims_and_objectives_keep_their_numbers_titles_and_leads(source, board_manager):
    plan = roll_over_plan(**next_year(source.plan), by=board_manager)

    assert list(plan.aims.values_list("number", "title", "strategic_lead")) == [("1", "Children are safe", "DCS")]
    assert list(plan.objectives.in_ref_order().values_list("ref", "title", "aim__number")) == [
        ("1.1", "Partners work together", "1"),
        ("1.2", "Children are heard", "1"),
    ]


def test_the_plan_keeps_its_shape_names_scale_and_columns(source, board_manager):
    scale = RatingLevelFactory().scale
    source.plan.rating_scale = scale
    source.plan.action_name, source.plan.report_columns = "Task", ["ref", "action", "progress"]
    source.plan.save()

    plan = roll_over_plan(**next_year(source.plan), by=board_manager)

    assert (plan.shape, plan.rating_scale, plan.action_name, plan.report_columns) == (
        "tree",
        scale,
        "Task",
        ["ref", "action", "progress"],
    )
    assert (plan.starts_on, plan.ends_on) == (date(2026, 4, 1), date(2027, 3, 31))


def test_a_carried_action_keeps_its_text_leads_targets_and_slippage(source, board_manager):
    plan = roll_over_plan(**next_year(source.plan), by=board_manager)

    carried = plan.actions.get(ref="1.1.1")
    assert carried.carried_from == source.slipped
    assert carried.chain_start == source.slipped
    assert carried.objective.ref == "1.1"
    assert (carried.text, carried.lead_officer, carried.responsibility, carried.success_measure) == (
        "Extend the audit programme",
        "Sam Okafor",
        "Chair",
        "Every agency audited",
    )
    assert [agency.name for agency in carried.lead_agencies.all()] == ["Fenbridge Youth Justice"]
    assert (carried.target_display, carried.original_target_display, carried.times_slipped) == (
        "March 2026",
        "September 2025",
        2,
    )
    assert carried.status == Action.Status.OPEN


def test_no_rounds_or_progress_are_copied(source, board_manager):
    plan = roll_over_plan(**next_year(source.plan), by=board_manager)

    assert not plan.rounds.exists()
    assert not plan.actions.filter(progress_updates__isnull=False).exists()
    assert ProgressRound.objects.count() == 1


def test_only_the_chosen_actions_are_carried(source, board_manager):
    plan = roll_over_plan(**next_year(source.plan, action_ids=[source.open_two.pk]), by=board_manager)

    assert list(plan.actions.values_list("ref", flat=True)) == ["1.2.2"]


def test_a_chain_keeps_its_first_action(source, board_manager):
    second = roll_over_plan(**next_year(source.plan), by=board_manager)

    third = roll_over_plan(
        **next_year(second, title="2027/28", starts_on=date(2027, 4, 1), ends_on=date(2028, 3, 31)),
        by=board_manager,
    )

    carried = third.actions.get(ref="1.1.1")
    assert carried.carried_from.plan == second
    assert carried.chain_start == source.slipped


def test_the_dry_run_lists_what_would_be_carried_and_writes_nothing(source):
    actions = actions_to_carry(**next_year(source.plan))

    assert [action.ref for action in actions] == ["1.1.1", "1.2.2"]
    assert not Action.objects.filter(carried_from__isnull=False).exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "2025/26"}, "There is already a business plan “2025/26”; choose another title."),
        ({"title": " "}, "Give the new plan a title, such as 2026/27."),
        ({"ends_on": date(2026, 3, 1)}, "The new plan must end after it starts."),
        ({"starts_on": date(2025, 6, 1)}, "The new plan would start on 1 June 2025, too early"),
        ({"action_ids": []}, "Choose at least one action to carry over."),
    ],
)
def test_bad_inputs_are_refused_and_nothing_is_written(source, board_manager, changes, message):
    with pytest.raises(ValidationError) as refused:
        roll_over_plan(**next_year(source.plan, **changes), by=board_manager)

    assert refused.value.messages[0].startswith(message)
    assert not Action.objects.filter(carried_from__isnull=False).exists()


def test_a_completed_or_hidden_action_cannot_be_chosen(source, board_manager):
    with pytest.raises(ValidationError, match="Only the open actions of Business plan 2025/26 can be carried over."):
        roll_over_plan(**next_year(source.plan, action_ids=[source.completed.pk]), by=board_manager)

    with pytest.raises(ValidationError):
        roll_over_plan(**next_year(source.plan, action_ids=[source.hidden.pk]), by=board_manager)


def test_a_plan_with_nothing_open_is_refused(board_manager):
    empty = BusinessPlanFactory(title="2025/26")

    with pytest.raises(ValidationError, match="Business plan 2025/26 has no open actions to carry over."):
        roll_over_plan(**next_year(empty), by=board_manager)


def test_the_history_records_who_started_the_plan(source, board_manager):
    plan = roll_over_plan(**next_year(source.plan), by=board_manager)

    assert plan.history.get().history_user == board_manager
    assert plan.actions.get(ref="1.2.2").history.get().history_user == board_manager
