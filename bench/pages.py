"""The pages the bench times and counts queries of, at each plan size, and their timing over HTTP.

Medians and p95 over gunicorn, the committee report beside the raw-SQL floor of the same rows.
"""

from django.db.models import F

from deploy.check.proofs import sign_in
from objectives.models import ProgressRound

from . import data, timing
from .results import Results
from .serving import Served

MANAGER, OFFICER = "manager", "officer"
USERNAMES = {MANAGER: data.MANAGER, OFFICER: data.officer_name(0)}


def pages(plan: data.PlanData) -> list[tuple[str, str, str]]:
    """(label, who, path) of each page timed at this plan's size."""
    some_action = plan.action_ids[len(plan.action_ids) // 2]
    return [
        ("committee report", MANAGER, f"/plans/{plan.plan_id}/rounds/{plan.report_round_id}/report/"),
        ("plan page", MANAGER, f"/plans/{plan.plan_id}/"),
        ("action list", MANAGER, f"/actions/?plan={plan.plan_id}"),
        ("an action", MANAGER, f"/actions/{some_action}/"),
        ("my actions", OFFICER, "/my-actions/"),
        ("home (manager)", MANAGER, "/"),
        ("home (officer)", OFFICER, "/"),
    ]


def change_the_round(plan: data.PlanData):
    """A write the report's content version sees (the round's date set to itself), so the next report page is
    built from the database rather than found as it was: the first view after any change, such as progress
    accepted (a draft saved is not one: no paper shows drafts)."""
    return lambda: ProgressRound.objects.filter(pk=plan.report_round_id).update(as_of=F("as_of"))


def floor_path(plan: data.PlanData) -> str:
    return f"/{plan.plan_id}/{plan.report_round_id}/"


def time_pages(served: Served, bench_data: data.BenchData, results: Results, *, runs: int, load: float | None):
    browsers = {}
    for who, username in USERNAMES.items():
        browsers[who] = served.browser()
        answer = sign_in(browsers[who], served.app, username, data.PASSWORD)
        if answer.status != 302:
            raise RuntimeError(f"signing in as {username} answered {answer.status}, not 302")
    section = results.section(
        f"Pages over HTTP (gunicorn, 3 workers): median and p95 of {runs} runs, ms",
        ["size", "page", "median", "p95", "× floor"],
        load=load,
    )
    action_lists = []
    for size, plan in bench_data.plans.items():
        floor_times = timing.timed_gets(served.browser(), served.floor, floor_path(plan), runs=runs)
        floor_median = timing.median(floor_times)
        section.rows.append(
            [size, "raw-SQL floor of the report", floor_median, timing.percentile(floor_times, 0.95), 1]
        )
        for label, who, path in pages(plan):
            times = timing.timed_gets(browsers[who], served.app, path, runs=runs)
            page_median = timing.median(times)
            ratio = page_median / floor_median if label == "committee report" else None
            section.rows.append([size, label, page_median, timing.percentile(times, 0.95), ratio])
            if ratio is not None:
                results.figure(f"report_ratio_{size}", round(ratio, 2), load=load)
            if label == "committee report":
                changed = timing.timed_gets(
                    browsers[who], served.app, path, runs=runs, before_each=change_the_round(plan)
                )
                changed_ratio = timing.median(changed) / floor_median
                section.rows.append(
                    [
                        size,
                        "committee report, after a change",
                        timing.median(changed),
                        timing.percentile(changed, 0.95),
                        changed_ratio,
                    ]
                )
                results.figure(f"report_changed_ratio_{size}", round(changed_ratio, 2), load=load)
            if label == "plan page":
                results.figure(f"plan_ms_{size}", round(page_median, 1), load=load)
            if label == "action list":
                action_lists.append(page_median)
    results.figure("action_list_ms_max", round(max(action_lists), 1), load=load)
