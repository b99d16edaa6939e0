"""The demo's public pages: the fictional Eastmere partnership's words, and one committee report made public.

Publishing lays out a PDF (seconds), so `load_demo()`, which tests run often, does none of it: the load_demo
command calls `make_demo_public` once the demo is loaded, and it does nothing a second time.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from mscb.models import PublicProfile
from mscb.public import services
from objectives.models import BusinessPlan, PublishedReport
from objectives.services.publishing import publish_report

from . import people
from .times import DemoCalendar

PURPOSE = (
    "The Eastmere Safeguarding Children Partnership brings together Eastmere Council, Eastmere Police and the "
    "Eastmere health services, with schools, probation and the voluntary sector, to keep children in Eastmere "
    "safe.\n\n"
    "Each year the partners agree a business plan. Twice a year they report to the council's scrutiny committee "
    "on how each action is going; those reports are below."
)
RAISE_A_CONCERN = (
    "If you are worried about a child in Eastmere, call the Children's Front Door on 01632 960 100 "
    "(Monday to Friday, 9am to 5pm).\n\n"
    "Out of hours, call the Emergency Duty Team on 01632 960 999.\n\n"
    "If a child is in immediate danger, call 999."
)


@transaction.atomic
def make_demo_public(today) -> PublishedReport | None:
    """Write the partnership's words if none are written, and publish the demo plan's latest round reported to
    the committee (closed) and make it public, unless a report is public already; the new report, or None."""
    manager = get_user_model().objects.get(username=people.MANAGER)
    profile = PublicProfile.current()
    if not (profile.purpose or profile.raise_a_concern):
        services.save_profile(profile=_words(profile), expected_version=profile.version, by=manager)
    if PublishedReport.objects.public().exists():
        return None
    plan = BusinessPlan.objects.get(title=DemoCalendar(today).plan_title)
    reported = plan.rounds.filter(closed_at__isnull=False).order_by("-as_of").first() or plan.latest_round
    if reported is None:
        return None
    report = publish_report(progress_round=reported, published_by=manager)
    return services.make_public(document=report, by=manager)


def _words(profile: PublicProfile) -> PublicProfile:
    profile.purpose, profile.raise_a_concern = PURPOSE, RAISE_A_CONCERN
    return profile
