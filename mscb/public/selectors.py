"""What the public pages show, read once a request: the words, the current plan, the public documents.

The same read gives the page's ETag and Last-Modified (mscb.public.caching), so a conditional GET answered
with 304 costs these few queries and no rendering. Nothing here is cached on the server between requests:
a document withdrawn is gone from the very next request.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Value, When
from django.utils import timezone

from mscb.models import PublicProfile, PublishedYearlyReport
from objectives.models import BusinessPlan, PublishedReport

_STATE_ATTRIBUTE = "_public_pages_state"


@dataclass
class PublicState:
    today: date
    profile: PublicProfile | None
    plan: BusinessPlan | None
    reports: list = field(default_factory=list)
    yearly_reports: list = field(default_factory=list)

    @property
    def plan_report(self) -> PublishedReport | None:
        """The current plan's latest public committee report: where its ratings come from."""
        return next((report for report in self.reports if report.plan_id == getattr(self.plan, "pk", None)), None)


def current_plan(today: date) -> BusinessPlan | None:
    """The plan whose dates include today, else the latest to start.

    Where several plans cover today (a sub-group's beside the board's), one with a public report comes first,
    then the one made first: the board's own plan is loaded before the plans that hang off it.
    """
    covers_today = Q(starts_on__lte=today, ends_on__gte=today)
    return (
        BusinessPlan.objects.annotate(
            current=Case(When(covers_today, then=Value(1)), default=Value(0), output_field=IntegerField()),
            has_public=Exists(PublishedReport.objects.public().filter(plan=OuterRef("pk"))),
        )
        .only("pk", "title", "starts_on", "ends_on")
        .order_by("-current", "-starts_on", "-has_public", "pk")
        .first()
    )


def public_reports():
    """Public committee reports, newest publication first, without their files or snapshot."""
    return (
        PublishedReport.objects.public()
        .only("pk", "plan_id", "title", "published_at", "public_since", "progress_is_public")
        .order_by("-published_at", "-pk")
    )


def public_yearly_reports():
    return (
        PublishedYearlyReport.objects.public()
        .only("pk", "title", "published_at", "public_since")
        .order_by("-published_at", "-pk")
    )


def public_state(request) -> PublicState:
    """The public pages' state for this request, read on first use (by the ETag) and shared with the view."""
    state = getattr(request, _STATE_ATTRIBUTE, None)
    if state is None:
        today = timezone.localdate()
        state = PublicState(
            today=today,
            profile=PublicProfile.objects.filter(pk=1).first(),
            plan=current_plan(today),
            reports=list(public_reports()),
            yearly_reports=list(public_yearly_reports()),
        )
        setattr(request, _STATE_ATTRIBUTE, state)
    return state


def documents_newest_first(state: PublicState) -> list:
    """Both kinds in one list, newest publication first."""
    return sorted([*state.reports, *state.yearly_reports], key=lambda document: document.published_at, reverse=True)
