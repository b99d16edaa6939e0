"""How long the main pages take on the demo data, as the board manager, an agency officer, the chair and the training
administrator see them, and the public pages as anyone sees them without signing in.

    .venv/bin/python bench/page_speed.py [--runs 20]

It makes its own throwaway SQLite database in a temporary folder (never db.sqlite3 and never
DATABASE_URL's database), loads the demo, and asks for each page through Django's test client. It
prints the median and the slowest run per page. The aim: well under 200 ms each.
"""

import argparse
import statistics
from io import StringIO

from _common import setup_django, timed_gets

setup_django("pages")

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from assurance.models import CaseAudit, RecommendationSource, Section11Cycle, Section11Return  # noqa: E402
from mscb.demo.loader import demo_day  # noqa: E402
from mscb.demo.times import DemoCalendar  # noqa: E402
from objectives.models import Action, BusinessPlan, PublishedReport  # noqa: E402
from reviews.models import CdopYear, Review  # noqa: E402
from training.models import TrainingSession  # noqa: E402

AIM_SECONDS = 0.2
ANONYMOUS = "(not signed in)"


def pages() -> dict[str, list[str]]:
    plan = BusinessPlan.objects.get(title=DemoCalendar(demo_day()).plan_title)
    year = f"starts_on={plan.starts_on}&ends_on={plan.ends_on}"
    latest = plan.rounds.order_by("-as_of").first()
    action = Action.objects.filter(plan=plan).in_ref_order().first()
    indicator = plan.indicators.order_by("name").first()
    manager_pages = [
        "/",
        "/dashboard/",
        "/plans/",
        plan.get_absolute_url(),
        "/actions/",
        action.get_absolute_url(),
        f"/rounds/{latest.pk}/",
        f"/plans/{plan.pk}/rounds/{latest.pk}/report/",
        f"/plans/{plan.pk}/rounds/{latest.pk}/at-a-glance/",
        f"/rounds/{latest.pk}/covering-report/",
        f"/plans/{plan.pk}/indicators/",
        indicator.get_absolute_url(),
        f"/plans/{plan.pk}/next-year/",
        "/email-log/",
        "/email-settings/",
        "/people/",
        "/agencies/",
        "/scales/",
        f"/plans/{plan.pk}/rating-scale/",
        *_other_shapes(),
        "/published/",
        *_case_work_pages(latest, year),
        *_assurance_pages(),
        *_yearly_loop_pages(plan),
    ]
    return {
        "manager": manager_pages,
        "police.officer": _officer_pages(plan, latest),
        "chair": ["/", "/dashboard/", "/assurance/register/"],
        "trainer": ["/"],
        ANONYMOUS: _public_pages(),
    }


def _officer_pages(plan, latest) -> list[str]:
    """The police officer's home, actions, an update to write and the agency's Section 11 return."""
    officer = get_user_model().objects.get(username="police.officer")
    own = Action.objects.editable_by(officer).filter(plan=plan).in_ref_order().first()
    police_return = Section11Return.objects.get(agency__members=officer, cycle__code="S11")
    return [
        "/",
        "/my-actions/",
        own.get_absolute_url(),
        f"/actions/{own.pk}/progress/{latest.pk}/",
        f"/assurance/section-11/returns/{police_return.pk}/edit/",
    ]


def _case_work_pages(latest, year: str) -> list[str]:
    """Training, case reviews and CDOP."""
    return [
        "/training/",
        "/training/recorded/",
        f"/training/paper/{latest.pk}/",
        f"/training/sessions/{TrainingSession.objects.order_by('starts_at').first().pk}/",
        f"/training/uptake/?{year}",
        f"/training/charges/?{year}",
        "/reviews/",
        "/reviews/?overdue=yes",
        Review.objects.get(name="Child S").get_absolute_url(),
        "/reviews/cdop/",
        CdopYear.objects.order_by("-ends_on").first().get_absolute_url(),
    ]


def _assurance_pages() -> list[str]:
    """Section 11, the case audit and the register of recommendations."""
    cycle = Section11Cycle.objects.get(code="S11")
    moderated = cycle.returns.filter(status=Section11Return.Status.MODERATED).first()
    return [
        "/assurance/",
        cycle.get_absolute_url(),
        moderated.get_absolute_url(),
        CaseAudit.objects.first().get_absolute_url(),
        "/assurance/register/",
        RecommendationSource.objects.filter(case_audit=None).first().get_absolute_url(),
    ]


def _yearly_loop_pages(plan) -> list[str]:
    """The budget, the yearly report with its feedback, retention, the security log and the public pages' management."""
    return [
        "/budget/",
        f"/budget/plans/{plan.pk}/",
        "/yearly-report/",
        f"/yearly-report/{plan.pk}/",
        "/yearly-report/feedback/",
        "/retention/",
        "/security-log/",
        "/public/manage/",
    ]


def _public_pages() -> list[str]:
    """What anyone sees without signing in: the board's page, the report the demo made public, the health probe."""
    report = PublishedReport.objects.public().first()
    return ["/public/", f"/public/reports/{report.pk}/", "/health/"]


def _other_shapes() -> list[str]:
    """The demo's plans in the list and two-level shapes: each one's page and latest committee report."""
    paths = []
    for other in BusinessPlan.objects.exclude(shape="tree").order_by("title"):
        paths.append(other.get_absolute_url())
        # Early in the year the demo's other plans have no round yet.
        latest = other.rounds.order_by("-as_of").first()
        if latest is not None:
            paths.append(f"/plans/{other.pk}/rounds/{latest.pk}/report/")
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=StringIO())
    setup_test_environment()
    print(f"{'page':<48} {'user':<15} {'median ms':>9} {'slowest ms':>10}")
    for username, paths in pages().items():
        client = Client()
        if username != ANONYMOUS:
            client.force_login(get_user_model().objects.get(username=username))
        for path in paths:
            client.get(path)  # warm the template cache
            timings, _ = timed_gets(client, path, runs)
            median = statistics.median(timings)
            flag = "" if median < AIM_SECONDS else "  over the aim"
            print(f"{path:<48} {username:<15} {median * 1000:>9.1f} {max(timings) * 1000:>10.1f}{flag}")


if __name__ == "__main__":
    main()
