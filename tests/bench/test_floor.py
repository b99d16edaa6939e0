"""The floor is honest: its one query returns the actions and updates the committee report's selector shows."""

import pytest
from django.db import connection

from bench import data, floor
from bench.pages import change_the_round
from core import content_version
from objectives.models import Action, ProgressRound, ProgressUpdate
from objectives.selectors.report import build_progress_report

pytestmark = pytest.mark.django_db


def report_rows(plan: data.PlanData) -> list[tuple[int, int | None]]:
    report = build_progress_report(
        plan=ProgressRound.objects.get(pk=plan.report_round_id).plan,
        progress_round=ProgressRound.objects.get(pk=plan.report_round_id),
    )
    return [
        (row.action.pk, row.update.pk if row.update else None)
        for aim in report.aims
        for objective in aim.objectives
        for row in objective.rows
    ]


def floor_rows(plan: data.PlanData) -> list[tuple[int, int | None]]:
    with connection.cursor() as cursor:
        rows = floor.fetch(cursor, plan_id=plan.plan_id, round_id=plan.report_round_id)
    return [(row[0], row[7]) for row in rows]


def test_the_floor_returns_the_reports_actions_and_updates_in_its_order():
    plan = data.build(sizes=(12,), rounds=3, officers=2, load_size=12).plans[12]
    actions = list(Action.objects.filter(plan_id=plan.plan_id).order_by("sort_key"))
    # An earlier round's update stands in for a missing one; a draft, a later round and a deleted action do not count.
    ProgressUpdate.objects.filter(action=actions[0], round_id=plan.report_round_id).delete()
    ProgressUpdate.objects.filter(action=actions[1], round_id=plan.report_round_id).update(
        state=ProgressUpdate.State.DRAFT
    )
    ProgressUpdate.objects.create(
        action=actions[2], round_id=plan.open_round_id, progress="Later", state=ProgressUpdate.State.ACCEPTED
    )
    Action.objects.filter(pk=actions[3].pk).update(is_deleted=True)

    expected = report_rows(plan)

    assert len(expected) == 11
    assert floor_rows(plan) == expected


def test_the_floor_page_shows_every_row_with_its_text_escaped():
    plan = data.build(sizes=(3,), rounds=1, officers=1, load_size=3).plans[3]
    Action.objects.filter(pk=plan.action_ids[0]).update(text="Audit <b>ten</b> referrals")
    with connection.cursor() as cursor:
        html = floor.render(floor.fetch(cursor, plan_id=plan.plan_id, round_id=plan.report_round_id))

    assert html.count("<tr><td>") == 3
    assert "Audit &lt;b&gt;ten&lt;/b&gt; referrals" in html


# Committed for real: on PostgreSQL the counter is raised at commit, which a test's rolled-back transaction never has.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_change_before_a_cold_report_raises_the_content_version_and_changes_nothing_shown():
    plan = data.build(sizes=(3,), rounds=2, officers=1, load_size=3).plans[3]
    before = content_version.current()
    as_of = ProgressRound.objects.get(pk=plan.report_round_id).as_of

    change_the_round(plan)()

    assert content_version.current() != before
    assert ProgressRound.objects.get(pk=plan.report_round_id).as_of == as_of
