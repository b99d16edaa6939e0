from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.db.models import Count, Q

from core.formats import month_year
from mscb.demo import people
from mscb.demo.times import in_open_round
from objectives import roles
from objectives.models import Action, Agency, Aim, BusinessPlan, Objective, ProgressRound, ProgressUpdate
from objectives.selectors import rounds
from reviews import clock
from reviews.models import CdopFigure, CdopYear, Recommendation, Review
from training import paper as training_paper
from training.models import AgencyWorkforce, Course, Evaluation, Registration, TrainingFigure, TrainingSession
from training.roles import TRAINING_ADMINS

from .demo_loaded import CALENDAR, DEMO_DAY, MAIN_PLAN, as_of, load_demo, row_counts

# The story's three rounds as the demo places them when told as at DEMO_DAY.
SEPTEMBER, DECEMBER, MARCH = as_of(date(2025, 9, 30)), as_of(date(2025, 12, 31)), as_of(date(2026, 3, 31))


def label(round_as_of: date) -> str:
    return f"Progress report {month_year(round_as_of)}"


def test_load_demo_creates_the_business_plan_with_three_aims_seven_objectives_and_the_actions(demo_output):
    plan = BusinessPlan.objects.get(title=MAIN_PLAN)

    assert (plan.shape, plan.scale.name) == ("tree", "rag")
    assert Aim.objects.filter(plan=plan).count() == 3
    assert Objective.objects.filter(plan=plan).count() == 7
    # Plus the actions of a case review's recommendations and the CDOP's, which have no objective.
    assert Action.objects.filter(plan=plan, objective__isnull=False).count() == 23


def test_load_demo_numbers_actions_past_nine_so_natural_order_shows(demo_output):
    refs = list(Action.objects.filter(objective__ref="1.1").in_ref_order().values_list("ref", flat=True))

    assert refs[-2:] == ["1.1.9", "1.1.10"]


def test_load_demo_creates_agencies_with_statutory_partners_leading_actions(demo_output):
    assert 10 <= Agency.objects.count() <= 12
    assert Agency.objects.filter(is_statutory_partner=True).count() >= 3
    assert not Action.objects.filter(plan__title=MAIN_PLAN, lead_agencies=None).exists()
    assert Action.objects.filter(ref="1.1.2").get().lead_agencies.count() == 3


def test_load_demo_gives_month_only_day_and_missing_target_dates(demo_output):
    assert Action.objects.filter(target_is_month=True).exists()
    assert Action.objects.filter(target_is_month=False, target_on__isnull=False).exists()
    assert Action.objects.filter(target_on__isnull=True).exists()


def test_load_demo_completes_some_actions_with_a_completion_date_and_a_complete_rag(demo_output):
    completed = Action.objects.filter(plan__title=MAIN_PLAN, status=Action.Status.COMPLETED).with_latest_rag()

    assert completed.count() >= 3
    assert {action.latest_rag for action in completed} == {ProgressUpdate.Rag.COMPLETE}
    assert not completed.filter(completed_on=None).exists()


def test_load_demo_creates_the_september_december_and_march_rounds(demo_output):
    rounds = ProgressRound.objects.filter(plan__title=MAIN_PLAN).order_by("as_of")

    assert [progress_round.label for progress_round in rounds] == [label(SEPTEMBER), label(DECEMBER), label(MARCH)]
    # The reported rounds asked for updates before their as-of date; the open one asks for them in a week.
    assert all(progress_round.deadline < progress_round.as_of for progress_round in rounds[:2])
    assert rounds[2].deadline == DEMO_DAY + timedelta(days=7)


def test_load_demo_closes_the_rounds_reported_to_the_committee_and_leaves_march_open(demo_output):
    main_rounds = ProgressRound.objects.filter(plan__title=MAIN_PLAN)
    closed = {progress_round.label: progress_round.is_closed for progress_round in main_rounds}

    assert closed == {label(SEPTEMBER): True, label(DECEMBER): True, label(MARCH): False}


def test_load_demo_reports_most_actions_in_both_closed_rounds_and_some_in_one_or_none(demo_output):
    reported = Count("progress_updates", filter=Q(progress_updates__round__closed_at__isnull=False))
    actions = Action.objects.filter(plan__title=MAIN_PLAN)
    rounds_per_action = list(actions.annotate(reported=reported).values_list("reported", flat=True))

    assert rounds_per_action.count(2) > len(rounds_per_action) / 2
    assert rounds_per_action.count(1) >= 2
    assert rounds_per_action.count(0) >= 2


def test_load_demo_leaves_the_march_round_part_way_through(demo_output):
    march = ProgressRound.objects.get(as_of=MARCH)

    plan_actions = Action.objects.filter(plan=march.plan, objective__isnull=False)
    status = rounds.round_status(march, actions=plan_actions, today=march.deadline + timedelta(days=7))

    assert {count.state: count.number for count in status.counts} == {
        "missing": 9,
        "draft": 2,
        "submitted": 3,
        "returned": 1,
        "accepted": 4,
    }
    late = {str(agency.agency) for agency in status.late_agencies}
    assert {"Police", "ICB", "Children's Services"} <= late
    assert "Youth Justice" not in late


def test_load_demo_returns_one_march_update_with_the_managers_comment(demo_output):
    returned = ProgressUpdate.objects.get(state=ProgressUpdate.State.RETURNED)

    assert returned.action.ref == "1.1.4"
    assert "health attendance" in returned.return_comment
    assert returned.submitted_by.username == "police.officer"


def test_load_demo_records_who_submitted_and_accepted_the_march_updates(demo_output):
    march = ProgressUpdate.objects.filter(round__as_of=MARCH)
    submitted = march.get(action__ref="1.2.1")
    accepted = march.get(action__ref="3.1.1")

    assert (submitted.state, submitted.submitted_by.username) == ("submitted", "police.officer")
    assert submitted.submitted_at == CALENDAR.moment(in_open_round(11, 9, 15))
    assert submitted.submitted_at.date() < DEMO_DAY
    assert submitted.history.get().history_user == submitted.author
    assert (accepted.state, accepted.accepted_by.username) == ("accepted", "manager")
    assert march.get(action__ref="1.1.8").state == "draft"


def test_load_demo_spreads_the_plans_updates_across_every_rag_and_leaves_one_unrated(demo_output):
    rags = set(ProgressUpdate.objects.filter(action__plan__title=MAIN_PLAN).values_list("rag", flat=True))

    assert rags == {*ProgressUpdate.Rag.values, ""}


def test_load_demo_writes_progress_with_paragraphs_bullets_and_evidence_of_impact(demo_output):
    updates = ProgressUpdate.objects.all()

    assert any("\n\n" in update.progress and "\n- " in update.progress for update in updates)
    assert updates.exclude(impact="").count() > updates.count() / 2


def test_load_demo_has_officers_write_progress_for_their_agencys_actions(demo_output):
    update = ProgressUpdate.objects.get(action__ref="2.1.1")

    assert update.author.username == "police.officer"
    assert update.history.get().history_user == update.author


def test_load_demo_records_the_board_manager_as_creator_in_history(demo_output):
    creators = set(Action.history.filter(history_type="+").values_list("history_user__username", flat=True))

    assert creators == {"manager"}


def test_demo_users_can_log_in_with_the_demo_password(demo_output):
    users = get_user_model().objects.filter(username__in=["manager", "chair", "police.officer", "health.officer"])

    assert users.count() == 4
    assert all(user.check_password(people.PASSWORD) for user in users)
    assert not users.get(username="chair").is_staff


def test_demo_users_hold_their_roles_and_officers_belong_to_their_agencies(demo_output):
    users = get_user_model().objects.prefetch_related("groups", "agencies")
    roles_by_user = {user.username: [group.name for group in user.groups.all()] for user in users}

    assert roles_by_user == {
        "manager": [roles.BOARD_MANAGERS],
        "chair": [roles.READERS],
        "police.officer": [roles.AGENCY_CONTRIBUTORS],
        "health.officer": [roles.AGENCY_CONTRIBUTORS],
        "trainer": [TRAINING_ADMINS],
    }
    assert [agency.short_name for agency in users.get(username="police.officer").agencies.all()] == ["Police"]
    assert users.get(username="manager").has_perm("objectives.review_progressupdate")


def test_demo_password_passes_the_password_validators():
    validate_password(people.PASSWORD)


def test_load_demo_output_tells_how_to_log_in(demo_output):
    assert "Sign in at http://127.0.0.1:8000/ (or the port given as `make run PORT=…`) as one of:" in demo_output
    # `make run` starts the server right after loading the demo: no hint to start another.
    assert "runserver" not in demo_output
    assert "manager" in demo_output
    assert people.PASSWORD in demo_output


def test_load_demo_output_counts_what_it_created(demo_output):
    # The list plan's implicit aim and the implicit objectives are never shown, so not counted either.
    assert "created 5 users, 11 agencies, 3 business plans, 6 aims, 7 objectives, 47 actions" in demo_output
    assert "5 progress rounds, 82 progress updates" in demo_output
    assert "3 reviews, 3 recommendations, 2 CDOP years" in demo_output
    assert "3 recorded training figures, 1 training paper period" in demo_output


def test_running_load_demo_twice_changes_no_table_or_history(demo_output):
    before = row_counts()

    output = load_demo()

    assert row_counts() == before
    assert before["objectives.HistoricalProgressUpdate"] > 0
    assert "nothing to create" in output


def test_running_load_demo_again_creates_only_what_is_missing(demo_output):
    Action.objects.get(ref="1.1.10").delete()

    output = load_demo()

    assert "created 1 action, 3 progress updates." in output
    assert Action.objects.get(ref="1.1.10").progress_updates.count() == 3


def test_running_load_demo_again_keeps_a_changed_password(demo_output):
    manager = get_user_model().objects.get(username="manager")
    manager.set_password("a-password-of-their-own")
    manager.save()

    load_demo()

    manager.refresh_from_db()
    assert manager.check_password("a-password-of-their-own")


# Case reviews and the child death overview panel


def review_actions(name: str):
    return Action.objects.filter(recommendation_link__recommendation__review__name=name)


def test_load_demo_registers_reviews_in_different_states(demo_output):
    reviews = {review.name: review for review in Review.objects.select_related("subgroup")}

    assert set(reviews) == {"Child S", "Child T", "Child P"}
    child_s, child_t = reviews["Child S"], reviews["Child T"]
    assert (child_s.kind, child_s.status) == (Review.Kind.PRACTICE_REVIEW, Review.Status.IN_PROGRESS)
    assert child_s.subgroup.name == "Quality assurance and case review"
    assert child_s.commissioned_on < child_s.due_on
    assert [objective.ref for objective in child_s.objectives.order_by("sort_key")] == ["1.2", "2.1"]
    assert (child_t.kind, child_t.status) == (Review.Kind.RAPID_REVIEW, Review.Status.NOTIFIED)
    assert reviews["Child P"].status == Review.Status.CLOSED
    assert reviews["Child P"].next_step is None


def test_load_demo_notifies_child_t_a_few_working_days_ago_so_its_clock_is_running(demo_output):
    child_t = Review.objects.get(name="Child T")
    today = DEMO_DAY

    assert today - timedelta(days=7) <= child_t.incident_notified_on < today
    assert child_t.panel_notified_on <= today
    assert child_t.next_step.label == "Hold the rapid review"
    assert child_t.next_step.due_on == clock.statutory_deadlines(child_t.incident_notified_on)[1]
    assert not child_t.next_step.is_overdue


def test_load_demo_gives_child_s_recommendations_for_several_agencies_each_with_actions(demo_output):
    recommendations = Recommendation.objects.filter(review__name="Child S").prefetch_related(
        "agencies", "action_links__action__lead_agencies"
    )

    assert [recommendation.number for recommendation in recommendations] == [1, 2, 3]
    for recommendation in recommendations:
        actions = [link.action for link in recommendation.action_links.all()]
        assert 1 <= len(actions) <= 2
        leads = {agency for action in actions for agency in action.lead_agencies.all()}
        assert leads <= set(recommendation.agencies.all())
    agencies = {agency.short_name for recommendation in recommendations for agency in recommendation.agencies.all()}
    assert {"Police", "ICB", "Children's Services"} <= agencies
    assert list(review_actions("Child S").in_ref_order().values_list("ref", flat=True)) == [
        "CS-1.1",
        "CS-1.2",
        "CS-2.1",
        "CS-2.2",
        "CS-3.1",
        "CS-3.2",
    ]


def test_load_demo_puts_the_review_and_cdop_actions_in_the_plan_with_the_open_round(demo_output):
    open_round = ProgressRound.objects.get(closed_at__isnull=True)
    tracked = Action.objects.filter(Q(recommendation_link__isnull=False) | Q(cdop_link__isnull=False))

    assert tracked.count() == 9
    assert set(tracked.values_list("plan", flat=True)) == {open_round.plan_id}
    assert not tracked.filter(objective__isnull=False).exists()


def test_load_demo_accepts_every_review_action_in_december_and_leaves_march_part_way(demo_output):
    actions = review_actions("Child S")
    december = ProgressUpdate.objects.filter(action__in=actions, round__as_of=DECEMBER)
    march = ProgressUpdate.objects.filter(action__in=actions, round__as_of=MARCH)

    assert december.count() == actions.count()
    assert set(december.values_list("state", flat=True)) == {ProgressUpdate.State.ACCEPTED}
    assert dict(march.values_list("action__ref", "state")) == {
        "CS-1.1": "submitted",
        "CS-2.1": "submitted",
        "CS-2.2": "accepted",
        "CS-3.1": "draft",
        "CS-3.2": "submitted",
    }


def test_load_demo_has_the_officers_write_their_agencys_review_actions(demo_output):
    police_officer = get_user_model().objects.get(username="police.officer")
    update = ProgressUpdate.objects.get(action__ref="CS-3.2", round__as_of=MARCH)

    assert Action.objects.editable_by(police_officer).filter(ref__in=["CS-1.1", "CS-3.2"]).count() == 2
    assert (update.author, update.submitted_by) == (police_officer, police_officer)
    assert update.history.get().history_user == police_officer


def test_load_demo_records_a_cdop_year_whose_category_figures_add_up(demo_output):
    year = CdopYear.objects.get(title=CALENDAR.plan_text("2024/25"))
    figures = CdopFigure.objects.filter(year=year)

    # The panel's last full year before the plan's.
    assert (year.title, year.ends_on) == (CALENDAR.plan_text("2024/25"), CALENDAR.starts_on - timedelta(days=1))
    assert figures.count() == 10
    assert sum(figures.values_list("deaths", flat=True)) == year.deaths_reviewed == 28
    assert 0 < year.with_modifiable_factors < year.deaths_reviewed
    assert year.summary


def test_load_demo_records_an_earlier_cdop_year_with_only_the_panels_narrative(demo_output):
    year = CdopYear.objects.get(title="2022/23")

    assert (year.deaths_reviewed, year.with_modifiable_factors) == (None, None)
    assert not year.figures.exists()
    assert "Learning that changed practice" in year.narrative


def test_load_demo_gives_the_cdop_year_actions_with_progress(demo_output):
    actions = Action.objects.filter(cdop_link__year__title=CALENDAR.plan_text("2024/25")).in_ref_order()
    march = ProgressUpdate.objects.filter(action__in=actions, round__as_of=MARCH)

    # Numbered by the year the panel's year ended in, the year the plan starts.
    prefix = f"CDOP{CALENDAR.starts_on.year % 100:02d}-"
    assert list(actions.values_list("ref", flat=True)) == [f"{prefix}1", f"{prefix}2", f"{prefix}3"]
    assert "safer sleep" in actions[0].text
    assert all(action.progress_updates.filter(round__as_of=DECEMBER).exists() for action in actions)
    assert set(march.values_list("state", flat=True)) == {"accepted", "submitted", "draft"}


def test_running_load_demo_again_re_creates_a_deleted_review_action_once(demo_output):
    Action.objects.get(ref="CS-1.1").delete()

    first = load_demo()
    second = load_demo()

    assert "created 1 action, 2 progress updates." in first
    assert "nothing to create" in second
    recreated = review_actions("Child S").get(text__startswith="Extend the school notification scheme")
    assert recreated.progress_updates.count() == 2


def test_running_load_demo_again_re_creates_a_deleted_recommendation_with_its_actions(demo_output):
    Recommendation.objects.get(review__name="Child S", number=3).delete()

    output = load_demo()

    assert "created 1 recommendation, 2 recommendation actions." in output
    assert list(review_actions("Child S").filter(ref__startswith="CS-3.").values_list("ref", flat=True)) == [
        "CS-3.1",
        "CS-3.2",
    ]


# Training


def test_load_demo_creates_five_courses_with_sessions_across_the_year(demo_output):
    sessions = TrainingSession.objects.all()

    assert Course.objects.count() == 5
    assert all(4 <= course.sessions.count() <= 6 for course in Course.objects.all())
    # Some sessions have run and some are still to come, none after the plan's year.
    assert min(session.starts_at.date() for session in sessions) < DEMO_DAY
    assert DEMO_DAY <= max(session.starts_at.date() for session in sessions) <= CALENDAR.ends_on
    assert {session.places for session in sessions} <= set(range(16, 31))
    assert sessions.filter(is_online=True).exists()
    assert sessions.filter(is_online=False, venue__contains="Eastmere").exists()


def test_load_demo_books_a_few_hundred_places_across_the_agencies_in_every_status(demo_output):
    registrations = Registration.objects.all()
    statuses = dict(registrations.values_list("status").annotate(count=Count("pk")))

    assert registrations.count() >= 200
    assert registrations.values("agency").distinct().count() == Agency.objects.count()
    assert statuses["attended"] > registrations.count() / 2
    assert {"did_not_attend", "cancelled", "waiting"} <= set(statuses)
    assert all(email.endswith(".example.org") for email in registrations.values_list("email", flat=True))


def test_load_demo_evaluates_many_attendees_with_a_confidence_gain_and_some_follow_ups(demo_output):
    after = Evaluation.objects.filter(kind=Evaluation.Kind.AFTER_SESSION)

    assert after.count() > Registration.objects.filter(status="attended").count() / 2
    assert all(evaluation.confidence_after > evaluation.confidence_before for evaluation in after)
    assert Evaluation.objects.filter(kind=Evaluation.Kind.FOLLOW_UP).exists()
    assert not Evaluation.objects.exclude(registration__status="attended").exists()


def test_load_demo_records_the_workforce_of_some_agencies(demo_output):
    assert 0 < AgencyWorkforce.objects.count() < Agency.objects.count()


def test_load_demo_records_training_not_booked_here_and_the_latest_paper_counts_it(demo_output):
    latest = ProgressRound.objects.filter(plan__title=MAIN_PLAN).order_by("-as_of").first()
    section = training_paper.build(plan=latest.plan, progress_round=latest)

    assert TrainingFigure.objects.count() == 3
    assert latest.training_paper_period.starts_on == date(2011, 3, 1)
    assert ["Domestic abuse and safeguarding children (full day)", "1 March 2011 to 31 March 2013", "111"] in [
        row[:3] for row in training_paper.recorded_rows(section)
    ]


def test_load_demo_names_the_trainer_in_its_login_lines(demo_output):
    assert "trainer" in demo_output
    assert "training administrator" in demo_output
