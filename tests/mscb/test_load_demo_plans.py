"""The demo shows every board's plan: owners, timescales, slippage and success measures, and the other shapes."""

from datetime import date

from core.formats import long_date
from objectives.dates import parse_flexible_date
from objectives.models import Action, Aim, Objective, ProgressUpdate
from objectives.models.plan import implicit_aim

from .demo_loaded import CALENDAR, MAIN_PLAN, SCRUTINY_PLAN, SUBGROUP_PLAN, as_of, load_demo, plan, row_counts

# The business plan for the demo's year


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
    # "March 2026" in the story: the end of the plan's year.
    assert main_actions().get(ref="3.1.1").target_on == CALENDAR.ends_on
    assert main_actions().get(ref="3.2.1").target_on is None
    assert "3.2.1" in timescales


def test_load_demo_keeps_the_original_target_of_an_action_that_slipped_twice(demo_output):
    action = main_actions().get(ref="1.1.4")

    target = parse_flexible_date(CALENDAR.target("January 2026"))
    original, _ = parse_flexible_date(CALENDAR.target("2025-10-31"))

    assert (action.target_on, action.target_is_month) == target == (target[0], True)
    assert (action.original_target_on, action.original_target_is_month) == (original, False)
    assert action.times_slipped == 2
    assert action.original_target_display == long_date(original)
    assert set(action.history.values_list("history_user__username", flat=True)) == {"manager"}


def test_load_demo_counts_the_slips_of_the_actions_moved_and_none_elsewhere(demo_output):
    slipped = dict(main_actions().exclude(times_slipped=0).values_list("ref", "times_slipped"))

    # Moved rather than left overdue, as a board does, except the few a real board has.
    assert slipped == {"1.1.3": 1, "1.1.4": 2, "1.1.8": 1, "1.2.1": 1, "2.3.1": 1, "2.3.2": 2}
    assert main_actions().get(ref="2.3.2").original_target_on == parse_flexible_date(CALENDAR.target("2026-01-31"))[0]


def test_load_demo_accepts_one_update_with_no_rating_and_not_started_only_where_chosen(demo_output):
    updates = ProgressUpdate.objects.filter(action__plan__title=MAIN_PLAN)
    unrated = updates.get(rag="")
    not_started = set(updates.filter(rag="not_started").values_list("action__ref", "round__as_of"))

    assert (unrated.action.ref, unrated.state, unrated.round.as_of) == ("1.1.3", "accepted", as_of(date(2026, 3, 31)))
    assert "No rating is given" in unrated.progress
    assert not_started == {("1.1.6", as_of(date(2025, 9, 30))), ("3.2.1", as_of(date(2025, 12, 31)))}
    assert all(update.progress.startswith(("Not started", "Planned")) for update in updates.filter(rag="not_started"))


# The scrutiny review's recommendations: a numbered list on the council's four-point scale


def test_load_demo_adds_the_scrutiny_review_as_a_list_plan_on_the_four_point_scale(demo_output):
    scrutiny = plan(SCRUTINY_PLAN)

    assert (scrutiny.shape, scrutiny.scale.name, scrutiny.action_name) == ("list", "four-point", "Recommendation")
    assert scrutiny.report_columns == ["ref", "action", "lead", "target", "progress", "rating"]
    committee_met = CALENDAR.as_of(date(2025, 12, 10))

    assert scrutiny.rounds.get().as_of == committee_met
    assert scrutiny.progress_heading_for(committee_met) == f"Progress presented to Committee {committee_met:%b %Y}"
    assert not scrutiny.has_aims


def test_load_demo_keeps_the_scrutiny_recommendations_under_the_plans_implicit_levels(demo_output):
    scrutiny = plan(SCRUTINY_PLAN)
    objective = implicit_aim(scrutiny).implicit_objective()

    assert list(Aim.objects.filter(plan=scrutiny).values_list("number", flat=True)) == ["1"]
    assert list(Objective.objects.filter(plan=scrutiny).values_list("ref", flat=True)) == ["1"]
    assert list(objective.actions.in_ref_order().values_list("ref", flat=True)) == ["1", "2", "3", "4", "5"]


def test_load_demo_holds_the_chair_and_dcs_responsible_for_the_recommendations_not_agencies(demo_output):
    recommendations = Action.objects.filter(plan__title=SCRUTINY_PLAN)

    assert all(action.responsibility.startswith("Chair / DCS") for action in recommendations)
    assert not recommendations.filter(lead_agencies__isnull=False).exists()


def test_load_demo_gives_one_recommendation_a_text_timescale_and_the_others_a_date(demo_output):
    recommendations = Action.objects.filter(plan__title=SCRUTINY_PLAN)
    undated = recommendations.get(target_on__isnull=True)

    assert (undated.ref, undated.timescale) == ("2", "To be confirmed once the new guidance is published")
    assert recommendations.filter(target_on__isnull=False, timescale="").count() == 4


def test_load_demo_rates_every_recommendation_on_the_four_point_scale_in_an_accepted_round(demo_output):
    scrutiny = plan(SCRUTINY_PLAN)
    updates = ProgressUpdate.objects.filter(round__plan=scrutiny)

    assert scrutiny.rounds.get().is_closed
    assert set(updates.values_list("state", flat=True)) == {ProgressUpdate.State.ACCEPTED}
    ratings = dict(updates.values_list("action__ref", "rag"))
    assert ratings == {"1": "1", "2": "2", "3": "3", "4": "2", "5": "4"}
    assert scrutiny.scale.label(ratings["1"]) == "1 Achieved (fully)"


# The Learning and Development Sub-Group's plan: priorities and actions, no ratings


def test_load_demo_adds_the_subgroups_plan_by_priority_in_natural_order_with_strategic_leads(demo_output):
    subgroup = plan(SUBGROUP_PLAN)
    priorities = Aim.objects.filter(plan=subgroup).order_by("sort_key")

    assert (subgroup.shape, subgroup.aim_name, subgroup.has_objectives) == ("two-level", "Priority", False)
    assert [priority.number for priority in priorities] == ["1a", "1b", "2"]
    assert all(priority.strategic_lead for priority in priorities)
    assert "success_measure" in subgroup.report_columns


def test_load_demo_puts_each_priority_s_actions_in_its_one_implicit_objective(demo_output):
    for priority in Aim.objects.filter(plan__title=SUBGROUP_PLAN):
        objectives = Objective.objects.filter(aim=priority)

        assert [(objective.ref, objective.title) for objective in objectives] == [(priority.number, priority.title)]
        assert all(action.ref.startswith(f"{priority.number}.") for action in objectives.get().actions.all())


def test_load_demo_gives_the_subgroups_actions_text_timescales_and_success_measures(demo_output):
    actions = Action.objects.filter(plan__title=SUBGROUP_PLAN)

    assert actions.count() == 5
    assert not actions.filter(success_measure="").exists()
    assert actions.get(ref="1a.1").timescale == f"Training programme to run across financial year {MAIN_PLAN}"
    assert actions.filter(target_on__isnull=True).exclude(timescale="").count() == 3


def test_load_demo_reports_the_subgroups_progress_with_no_rating_at_all(demo_output):
    updates = ProgressUpdate.objects.filter(round__plan__title=SUBGROUP_PLAN)

    assert updates.count() == 4
    assert set(updates.values_list("rag", flat=True)) == {""}
    assert set(updates.values_list("state", flat=True)) == {ProgressUpdate.State.ACCEPTED}


# Running it again


def test_running_load_demo_again_changes_none_of_the_shaped_plans_or_their_implicit_levels(demo_output):
    before = row_counts()

    load_demo()

    assert row_counts() == before
    assert not Objective.history.filter(plan__title=SCRUTINY_PLAN, history_user=None).exists()


def test_running_load_demo_again_re_creates_a_deleted_recommendation_with_its_progress(demo_output):
    Action.objects.get(plan__title=SCRUTINY_PLAN, ref="3").delete()

    output = load_demo()

    assert "created 1 action, 1 progress update." in output
    recreated = Action.objects.get(plan__title=SCRUTINY_PLAN, ref="3")
    assert recreated.objective == implicit_aim(plan(SCRUTINY_PLAN)).implicit_objective()
    assert recreated.progress_updates.get().rag == "3"
