"""The board manager's home page: what needs attention, each list linking to where the work is done."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from core.uploads import stage_upload
from objectives.models import Action, ProgressUpdate
from tests.factories import ActionFactory, AgencyFactory, BusinessPlanFactory, ProgressRoundFactory
from tests.factories import ProgressUpdateFactory as UpdateFactory
from tests.reviews.factories import ReviewFactory
from tests.training.factories import RegistrationFactory, TrainingSessionFactory
from training.models import Registration

State = ProgressUpdate.State


def submitted(action, progress_round, **fields):
    return UpdateFactory(
        action=action, round=progress_round, state=State.SUBMITTED, submitted_at=timezone.now(), **fields
    )


def past_session(**fields):
    starts = timezone.now() - timedelta(days=2)
    return TrainingSessionFactory(starts_at=starts, ends_at=starts + timedelta(hours=3), **fields)


def home(client):
    response = client.get(reverse("home"))
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def test_updates_waiting_for_review_link_to_their_review_page(manager_client, board_manager, plan, open_round):
    action = ActionFactory(objective__aim__plan=plan, ref="1.1.1")
    update = submitted(action, open_round, submitted_by=board_manager)
    UpdateFactory(action=ActionFactory(objective__aim__plan=plan), round=open_round, state=State.DRAFT)

    html = home(manager_client)

    assert "Needs attention" in html
    assert 'Updates waiting for review <span class="badge text-bg-light border">1</span>' in html
    assert f'href="{reverse("objectives:progress_review", args=[update.pk])}">Action 1.1.1' in html


def test_a_submitted_update_in_a_closed_round_waits_for_nobody(manager_client, plan, open_round):
    open_round.closed_at = timezone.now()
    open_round.save()
    submitted(ActionFactory(objective__aim__plan=plan), open_round)

    html = home(manager_client)

    assert "No updates are waiting for review." in html


def test_late_agencies_are_those_with_outstanding_actions_after_the_deadline(manager_client, plan, open_round):
    late, on_time = AgencyFactory(short_name="Police"), AgencyFactory(short_name="Health")
    ActionFactory(objective__aim__plan=plan, lead_agencies=[late])
    submitted(ActionFactory(objective__aim__plan=plan, lead_agencies=[on_time]), open_round)

    html = home(manager_client)

    link = reverse("objectives:round_detail", args=[open_round.pk])
    assert f'<a href="{link}">Police, {open_round.label}, plan {plan.title}</a>: 1 outstanding' in html
    assert f'<a href="{link}">Health,' not in html


def test_no_agency_is_late_before_the_deadline(manager_client, plan, open_round, today):
    open_round.deadline = today
    open_round.save()
    ActionFactory(objective__aim__plan=plan, lead_agencies=[AgencyFactory()])

    html = home(manager_client)

    assert "No agency is late in an open round." in html


def test_overdue_and_slipped_actions_are_listed_with_their_targets(manager_client, plan, today):
    overdue = ActionFactory(objective__aim__plan=plan, ref="1.1.1", target_on=today - timedelta(days=5))
    slipped = ActionFactory(objective__aim__plan=plan, ref="1.1.2", target_on=today + timedelta(days=30))
    Action.objects.filter(pk=slipped.pk).update(times_slipped=2)
    ActionFactory(objective__aim__plan=plan, ref="1.1.3", target_on=today - timedelta(days=5), status="completed")

    html = home(manager_client)

    assert f'href="{overdue.get_absolute_url()}">Action 1.1.1, plan 2026/27</a>' in html
    assert '<strong class="overdue">overdue</strong>' in html
    assert f'href="{slipped.get_absolute_url()}">Action 1.1.2, plan 2026/27</a>' in html
    assert "slipped twice" in html
    assert "Action 1.1.3" not in html


def test_only_the_first_few_are_shown_with_a_link_to_the_rest(manager_client, plan, today):
    ActionFactory.create_batch(7, objective__aim__plan=plan, target_on=today - timedelta(days=5))

    html = home(manager_client)

    assert 'Actions overdue or slipped <span class="badge text-bg-light border">7</span>' in html
    assert f'And 2 more: <a href="{reverse("objectives:action_list")}?overdue=yes">every overdue action</a>' in html


def test_review_steps_due_within_four_weeks_or_late(manager_client, today):
    due = ReviewFactory(name="Child R", due_on=today + timedelta(days=10))
    ReviewFactory(name="Child Q", due_on=today + timedelta(days=90))

    html = home(manager_client)

    assert f'<a href="{due.get_absolute_url()}">Child R</a>' in html
    assert "Complete the review, due" in html
    assert "Child Q" not in html


def test_sessions_in_the_past_with_bookings_need_attendance_marked(manager_client):
    unmarked = past_session(course__title="Neglect")
    RegistrationFactory(session=unmarked)
    marked = past_session(course__title="Exploitation")
    RegistrationFactory(session=marked, status=Registration.Status.ATTENDED)
    RegistrationFactory(session__course__title="Safer recruitment")

    html = home(manager_client)

    assert f'href="{reverse("training:attendance", args=[unmarked.pk])}">Neglect,' in html
    assert "1 booked, not yet marked" in html
    assert "Exploitation" not in html
    assert "Safer recruitment" not in html


def test_imports_waiting_are_the_managers_own_unconfirmed_ones(manager_client, board_manager, other_contributor):
    plan_file = stage_upload(kind="plan", uploaded_by=board_manager, file_name="plan.xlsx", content=b"x")
    review = ReviewFactory(name="Child P")
    review_file = stage_upload(
        kind="review_actions", uploaded_by=board_manager, file_name="child-p.csv", content=b"x", target_id=review.pk
    )
    indicator_file = stage_upload(kind="indicators", uploaded_by=board_manager, file_name="figures.csv", content=b"x")
    register_file = stage_upload(kind="recommendations", uploaded_by=board_manager, file_name="jtai.xlsx", content=b"x")
    applied = stage_upload(kind="plan", uploaded_by=board_manager, file_name="done.xlsx", content=b"x")
    applied.applied_at = timezone.now()
    applied.save()
    stage_upload(kind="plan", uploaded_by=other_contributor, file_name="theirs.xlsx", content=b"x")

    html = home(manager_client)

    assert f'href="{reverse("objectives:import_confirm", args=[plan_file.token])}">plan.xlsx</a>' in html
    review_confirm = reverse("reviews:review_import_confirm", args=[review.pk, review_file.token])
    assert f'href="{review_confirm}">child-p.csv</a>' in html
    indicator_confirm = reverse("objectives:indicator_import_confirm", args=[indicator_file.token])
    assert f'href="{indicator_confirm}">figures.csv</a>' in html
    register_confirm = reverse("assurance:register_import_confirm", args=[register_file.token])
    assert f'href="{register_confirm}">jtai.xlsx</a>' in html
    assert "done.xlsx" not in html
    assert "theirs.xlsx" not in html


def test_nothing_needs_attention_on_a_quiet_day(manager_client, db):
    html = home(manager_client)

    assert "Nothing needs your attention at the moment." in html
    # Somewhere to go instead, so the page is never a dead end.
    assert f'The <a href="{reverse("objectives:plan_list")}">business plans</a> are where' in html
    assert "No import of yours is waiting to be confirmed." in html
    assert "Every past session's attendance is marked." in html


def add_work(plan, progress_round, agency, today):
    """One of each thing the manager's lists show."""
    submitted(ActionFactory(objective__aim__plan=plan, lead_agencies=[agency]), progress_round)
    ActionFactory(objective__aim__plan=plan, lead_agencies=[agency], target_on=today - timedelta(days=3))
    ReviewFactory(due_on=today + timedelta(days=5))
    RegistrationFactory(session=past_session())
    RegistrationFactory(session=TrainingSessionFactory(), status=Registration.Status.WAITING)


@pytest.mark.parametrize("more", [False, True])
def test_the_managers_home_page_reads_in_the_same_queries_however_much_there_is(
    manager_client, board_manager, plan, open_round, today, more, django_assert_num_queries
):
    add_work(plan, open_round, AgencyFactory(), today)
    stage_upload(kind="plan", uploaded_by=board_manager, file_name="plan.xlsx", content=b"x")
    if more:
        other_plan = BusinessPlanFactory(starts_on=plan.starts_on, ends_on=plan.ends_on)
        other_round = ProgressRoundFactory(plan=other_plan, as_of=open_round.as_of, deadline=open_round.deadline)
        for progress_round in (open_round, other_round):
            for _ in range(3):
                add_work(progress_round.plan, progress_round, AgencyFactory(), today)
        stage_upload(kind="plan", uploaded_by=board_manager, file_name="again.xlsx", content=b"x")

    # session, user, the user's groups (panels), user and group permissions; updates waiting; open rounds, the
    # actions wanting updates, their lead agencies, their updates (late agencies); overdue or slipped actions;
    # open reviews; sessions to mark; staged uploads; Section 11 returns to moderate
    with django_assert_num_queries(14):
        html = home(manager_client)

    assert "Needs attention" in html
