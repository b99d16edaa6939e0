"""The demo shows every board's plan: owners, timescales, slippage and success measures."""

from datetime import date

from objectives.models import Action, Aim, ProgressUpdate

from .demo_loaded import MAIN_PLAN

# The business plan 2025/26


def main_actions():
    return Action.objects.filter(plan__title=MAIN_PLAN, objective__isnull=False)


def test_load_demo_gives_every_aim_of_the_business_plan_a_strategic_lead(demo_output):
    leads = dict(Aim.objects.filter(plan__title=MAIN_PLAN).values_list("number", "strategic_lead"))

    assert set(leads) == {"1", "2", "3"}
    assert leads["1"] == "Director of Children's Services"
    assert all(leads.values())


def test_load_demo_names_owners_beside_the_lead_agencies_on_several_actions(demo_output):
    actions = main_actions()

    assert actions.exclude(responsibility="").count() >= 5
    assert actions.exclude(lead_officer="").count() >= 4
    assert actions.get(ref="1.1.7").responsibility == "Chair / DCS"
    assert actions.get(ref="3.1.1").responsibility == "Training Sub-Group"
    assert actions.get(ref="3.1.1").lead_officer == "Owen Pritchard, Training Coordinator"


def test_load_demo_says_how_success_is_measured_on_most_actions(demo_output):
    actions = main_actions()

    assert actions.exclude(success_measure="").count() > actions.count() * 3 / 4


def test_load_demo_gives_a_couple_of_actions_a_timescale_in_words(demo_output):
    timescales = dict(main_actions().exclude(timescale="").values_list("ref", "timescale"))

    assert timescales["3.1.1"] == "Across the financial year"
    # Beside a date, or instead of one.
    assert main_actions().get(ref="3.1.1").target_on == date(2026, 3, 31)
    assert main_actions().get(ref="3.2.1").target_on is None
    assert "3.2.1" in timescales


def test_load_demo_keeps_the_original_target_of_an_action_that_slipped_twice(demo_output):
    action = main_actions().get(ref="1.1.4")

    assert (action.target_on, action.target_is_month) == (date(2026, 1, 31), True)
    assert (action.original_target_on, action.original_target_is_month) == (date(2025, 10, 31), False)
    assert action.times_slipped == 2
    assert action.original_target_display == "31 October 2025"
    assert set(action.history.values_list("history_user__username", flat=True)) == {"manager"}


def test_load_demo_counts_one_slip_of_an_action_moved_once_and_none_elsewhere(demo_output):
    slipped = dict(main_actions().exclude(times_slipped=0).values_list("ref", "times_slipped"))

    assert slipped == {"1.1.4": 2, "2.3.2": 1}
    assert main_actions().get(ref="2.3.2").original_target_on == date(2026, 1, 31)


def test_load_demo_accepts_one_update_with_no_rating_and_not_started_only_where_chosen(demo_output):
    updates = ProgressUpdate.objects.filter(action__plan__title=MAIN_PLAN)
    unrated = updates.get(rag="")
    not_started = set(updates.filter(rag="not_started").values_list("action__ref", "round__as_of"))

    assert (unrated.action.ref, unrated.state, unrated.round.as_of) == ("1.1.3", "accepted", date(2026, 3, 31))
    assert "No rating is given" in unrated.progress
    assert not_started == {("1.1.6", date(2025, 9, 30)), ("3.2.1", date(2025, 12, 31))}
    assert all(update.progress.startswith(("Not started", "Planned")) for update in updates.filter(rag="not_started"))
