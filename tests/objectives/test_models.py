from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from objectives.models import Action, Objective, ProgressRound, ProgressUpdate, implicit_aim
from objectives.models.shapes import level_words
from tests.factories import (
    ActionFactory,
    AimFactory,
    BusinessPlanFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
)

pytestmark = pytest.mark.django_db


def test_actions_sort_naturally_by_ref():
    objective = ObjectiveFactory(ref="1.1", aim__number=1)
    for ref in ["1.1.10", "1.1.2", "1.1.9", "1.1.1"]:
        ActionFactory(objective=objective, ref=ref)

    refs = list(Action.objects.in_ref_order().values_list("ref", flat=True))

    assert refs == ["1.1.1", "1.1.2", "1.1.9", "1.1.10"]


def test_objectives_sort_naturally_across_aims():
    plan = BusinessPlanFactory()
    aim_one = AimFactory(plan=plan, number=1)
    aim_ten = AimFactory(plan=plan, number=10)
    for aim, ref in [(aim_ten, "10.1"), (aim_one, "1.10"), (aim_one, "1.2")]:
        ObjectiveFactory(aim=aim, ref=ref)

    refs = list(Objective.objects.filter(plan=plan).in_ref_order().values_list("ref", flat=True))

    assert refs == ["1.2", "1.10", "10.1"]


def test_action_ref_is_unique_within_a_plan():
    action = ActionFactory(ref="1.1.1", objective__ref="1.1", objective__aim__number=1)

    with pytest.raises(IntegrityError):
        ActionFactory(objective=action.objective, ref="1.1.1")


def test_same_action_ref_may_appear_in_two_plans():
    first = ActionFactory(ref="1.1.1", objective__ref="1.1", objective__aim__number=1)

    second = ActionFactory(ref="1.1.1", objective__ref="1.1", objective__aim__number=1)

    assert first.plan != second.plan


def test_clean_names_a_duplicate_action_ref():
    action = ActionFactory(ref="1.1.1", objective__ref="1.1", objective__aim__number=1)
    duplicate = Action(objective=action.objective, ref="1.1.1", text="Again")

    with pytest.raises(ValidationError, match="Action 1.1.1 already exists under objective 1.1"):
        duplicate.full_clean()


def test_clean_names_a_duplicate_under_a_priority_in_the_plans_words():
    plan = BusinessPlanFactory(shape="two-level", aim_name="Priority")
    objective = AimFactory(plan=plan, number="1a").implicit_objective()
    ActionFactory(objective=objective, ref="3")

    with pytest.raises(ValidationError, match="Action 3 already exists under priority 1a"):
        Action(objective=objective, ref="3", text="Again").full_clean()


def test_clean_names_a_duplicate_in_a_list_plan_by_the_plans_word_for_an_action():
    plan = BusinessPlanFactory(shape="list", action_name="Recommendation")
    objective = implicit_aim(plan).implicit_objective()
    ActionFactory(objective=objective, ref="5")

    with pytest.raises(ValidationError, match="Recommendation 5 already exists in this plan"):
        Action(objective=objective, ref="5", text="Again").full_clean()


def test_an_action_ref_need_not_start_with_its_objectives():
    objective = ObjectiveFactory(ref="1.2", aim__number=1)

    Action(objective=objective, ref="2.1.1", text="Numbered by the board").full_clean()


def test_clean_refuses_a_ref_with_a_space():
    objective = ObjectiveFactory(ref="1.2", aim__number=1)
    action = Action(objective=objective, ref="1.2 a", text="Spaced")

    with pytest.raises(ValidationError, match="no spaces"):
        action.full_clean()


def test_a_month_only_target_reads_as_the_month():
    action = ActionFactory.build(target_on=date(2026, 3, 31), target_is_month=True)

    assert action.target_display == "March 2026"


def test_a_day_target_reads_as_the_day():
    action = ActionFactory.build(target_on=date(2026, 3, 5), target_is_month=False)

    assert action.target_display == "5 March 2026"


def test_an_open_action_past_its_target_is_overdue():
    ActionFactory(target_on=date(2020, 1, 31), target_is_month=True)
    ActionFactory(target_on=date(2099, 1, 31))
    ActionFactory(target_on=date(2020, 1, 31), status=Action.Status.WITHDRAWN)

    overdue = Action.objects.overdue(today=date(2025, 1, 1))

    assert [action.target_on for action in overdue] == [date(2020, 1, 31)]


def test_round_label_names_the_month_and_year():
    progress_round = ProgressRound(as_of=date(2025, 12, 31))

    assert progress_round.label == "Progress report December 2025"


def test_one_update_per_action_and_round():
    update = ProgressUpdateFactory()

    with pytest.raises(IntegrityError):
        ProgressUpdateFactory(action=update.action, round=update.round)


def test_latest_rag_comes_from_the_latest_round():
    action = ActionFactory()
    june = ProgressRoundFactory(plan=action.plan, as_of=date(2025, 6, 30))
    december = ProgressRoundFactory(plan=action.plan, as_of=date(2025, 12, 31))
    ProgressUpdateFactory(action=action, round=december, rag=ProgressUpdate.Rag.AMBER)
    ProgressUpdateFactory(action=action, round=june, rag=ProgressUpdate.Rag.RED)

    annotated = Action.objects.with_latest_rag().get(pk=action.pk)

    assert annotated.latest_rag == ProgressUpdate.Rag.AMBER


def test_rag_counts_count_each_action_once_by_its_latest_update():
    first, second, third = ActionFactory.create_batch(3)
    ProgressUpdateFactory(action=first, rag=ProgressUpdate.Rag.GREEN)
    ProgressUpdateFactory(action=second, rag=ProgressUpdate.Rag.RED)

    counts = Action.objects.filter(pk__in=[first.pk, second.pk, third.pk]).rag_counts()

    assert counts["green"] == 1
    assert counts["red"] == 1
    assert counts["none"] == 1
    assert counts["amber"] == 0


def test_changes_are_kept_with_who_made_them(board_manager):
    action = ActionFactory(text="First wording")
    action._history_user = board_manager
    action.text = "Second wording"
    action.save()

    latest = action.history.first()

    assert latest.text == "Second wording"
    assert latest.history_user == board_manager
    assert action.history.count() == 2


def test_a_target_revised_later_twice_reads_as_slipped_twice():
    action = ActionFactory(target_on=date(2026, 3, 31), target_is_month=True)

    action.revise_target(date(2026, 4, 30), is_month=True)
    action.revise_target(date(2026, 6, 30), is_month=True)

    assert (action.target_display, action.original_target_display) == ("June 2026", "March 2026")
    assert action.slippage_display == "slipped twice"


def test_a_target_never_moved_later_has_no_slippage():
    action = ActionFactory(target_on=date(2026, 3, 31))

    action.revise_target(date(2026, 1, 31))

    assert (action.original_target_display, action.slippage_display) == ("", "")


def test_an_action_is_named_in_its_plans_word():
    action = ActionFactory(ref="4", objective__aim__plan__action_name="Recommendation")

    assert action.name == "Recommendation 4"


@pytest.mark.parametrize(
    ("name", "words"),
    [("Priority", ("priority", "priorities")), ("CSE theme", ("CSE theme", "CSE themes"))],
)
def test_level_names_read_inside_a_sentence(name, words):
    plan = BusinessPlanFactory.build(aim_name=name)

    assert (level_words(plan)["aim"], level_words(plan)["aims"]) == words


def test_a_plans_shape_is_fixed_once_it_has_an_aim_even_a_deleted_one():
    plan = BusinessPlanFactory()
    assert not plan.is_shape_fixed

    AimFactory(plan=plan, is_deleted=True)

    assert plan.is_shape_fixed


def test_an_actions_short_text_keeps_its_first_twenty_words():
    words = [f"word{number}" for number in range(1, 31)]

    assert Action(text=" ".join(words)).short_text == " ".join(words[:20]) + " …"
    assert Action(text="Audit the front door").short_text == "Audit the front door"
