"""The board manager's "Needs attention": what waits on the manager, each list read in one or a few queries.

Every list loads its rows whole (they are short: the work of one board) so the page counts them without a second
query, and the number of queries stays the same however many actions, rounds and sessions there are.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from assurance.views.register_import import UPLOAD_KIND as RECOMMENDATION_UPLOAD
from core.models import StagedUpload
from objectives.models import Action, Agency, ProgressRound, ProgressUpdate
from objectives.selectors import rounds
from objectives.views.imports import UPLOAD_KIND as PLAN_UPLOAD
from objectives.views.indicator_imports import UPLOAD_KIND as INDICATOR_UPLOAD
from reviews.models import Review
from reviews.views.imports import UPLOAD_KIND as REVIEW_UPLOAD
from training.models import Registration, TrainingSession

from .assurance import returns_to_moderate
from .lists import Listing

# A review step due within this many days is shown before it is late, so there is time to arrange it.
REVIEW_STEP_NOTICE_DAYS = 28


@dataclass
class Attention:
    """The manager's lists, each None when the manager may not see that kind of work."""

    waiting_for_review: Listing
    late_agencies: Listing
    overdue_actions: Listing
    review_steps: Listing | None = None
    attendance_to_mark: Listing | None = None
    imports_to_confirm: Listing = field(default_factory=Listing)
    returns_to_moderate: Listing | None = None

    @property
    def review_rounds(self) -> list[ProgressRound]:
        """The rounds whose review queues hold the waiting updates, each once."""
        found = {update.round_id: update.round for update in self.waiting_for_review.items}
        return list(found.values())

    @property
    def is_empty(self) -> bool:
        lists = [self.waiting_for_review, self.late_agencies, self.overdue_actions, self.imports_to_confirm]
        optional = (self.review_steps, self.attendance_to_mark, self.returns_to_moderate)
        lists += [listing for listing in optional if listing is not None]
        return not any(listing.count for listing in lists)


def needs_attention(user, *, today: date | None = None) -> Attention:
    today = today or timezone.localdate()
    visible = Action.objects.visible_to(user)
    return Attention(
        waiting_for_review=Listing(updates_waiting_for_review(visible)),
        late_agencies=Listing(late_agencies(visible, today)),
        overdue_actions=Listing(overdue_or_slipped(visible, today)),
        review_steps=Listing(review_steps_due(user, today)) if user.has_perm("reviews.view_review") else None,
        attendance_to_mark=(Listing(sessions_to_mark()) if user.has_perm("training.change_registration") else None),
        imports_to_confirm=Listing(imports_to_confirm(user)),
        returns_to_moderate=(
            Listing(returns_to_moderate()) if user.has_perm("assurance.moderate_section11return") else None
        ),
    )


def updates_waiting_for_review(visible_actions) -> list[ProgressUpdate]:
    """Submitted updates in open rounds, the longest-waiting first: one query."""
    submitted = ProgressUpdate.objects.filter(
        state=ProgressUpdate.State.SUBMITTED, round__closed_at__isnull=True, action__in=visible_actions
    )
    submitted = submitted.select_related("action__plan", "round__plan", "submitted_by").defer("progress", "impact")
    return list(submitted.order_by("submitted_at", "pk"))


@dataclass
class LateAgency:
    agency: Agency
    progress_round: ProgressRound
    outstanding: int = 0


def late_agencies(visible_actions, today: date) -> list[LateAgency]:
    """Each lead agency with actions still outstanding in an open round whose deadline has passed: four queries."""
    past_deadline = [r for r in rounds.latest_open_rounds() if rounds.is_past_deadline(r, today)]
    late: dict[tuple[int, int], LateAgency] = {}
    # The round page's rule (objectives.selectors.rounds): an agency is late while any action it leads is outstanding.
    for row in rounds.action_states(visible_actions, past_deadline):
        if not row.is_outstanding:
            continue
        for agency in row.action.lead_agencies.all():
            key = (row.progress_round.pk, agency.pk)
            late.setdefault(key, LateAgency(agency, row.progress_round)).outstanding += 1
    return sorted(late.values(), key=lambda item: (item.progress_round.deadline, str(item.agency).lower()))


def overdue_or_slipped(visible_actions, today: date) -> list[Action]:
    """Open actions past their target date or whose target has moved later, the earliest target first: one query."""
    slipped = visible_actions.filter(status=Action.Status.OPEN, times_slipped__gt=0)
    found = (
        (visible_actions.overdue(today) | slipped)
        .select_related("plan")
        .only("ref", "target_on", "target_is_month", "times_slipped", "status", "plan__title", "plan__action_name")
    )
    return list(found.order_by("target_on", "plan_id", "sort_key"))


def review_steps_due(user, today: date) -> list[Review]:
    """Open reviews whose next step is late or due within the notice period, the soonest first: one query."""
    horizon = today + timedelta(days=REVIEW_STEP_NOTICE_DAYS)
    due = []
    for review in Review.objects.visible_to(user).open().exclude(status=Review.Status.PUBLISHED):
        step = review.next_step
        if step is not None and step.due_on <= horizon:
            due.append(review)
    return sorted(due, key=lambda review: (review.next_step.due_on, review.name))


def sessions_to_mark() -> list[TrainingSession]:
    """Sessions that have started with someone still booked (attended or not is unmarked): one query."""
    booked = Count("registrations", filter=Q(registrations__status=Registration.Status.BOOKED))
    started = TrainingSession.objects.filter(starts_at__lte=timezone.now()).select_related("course")
    return list(started.annotate(unmarked=booked).filter(unmarked__gt=0).order_by("starts_at"))


# The imports with a confirm page, and how to reach it from the upload's own fields.
CONFIRM_PAGES = {
    PLAN_UPLOAD: ("objectives:import_confirm", lambda upload: [upload["token"]]),
    REVIEW_UPLOAD: ("reviews:review_import_confirm", lambda upload: [upload["target_id"], upload["token"]]),
    INDICATOR_UPLOAD: ("objectives:indicator_import_confirm", lambda upload: [upload["token"]]),
    RECOMMENDATION_UPLOAD: ("assurance:register_import_confirm", lambda upload: [upload["token"]]),
}


def imports_to_confirm(user) -> list[dict]:
    """This person's uploads (plans, review actions, indicators, recommendations) not yet confirmed, newest first."""
    fields = ["kind", "token", "target_id", "target_name", "file_name", "uploaded_at"]
    waiting = StagedUpload.objects.filter(uploaded_by=user, applied_at__isnull=True, kind__in=list(CONFIRM_PAGES))
    uploads = list(waiting.values(*fields))
    for upload in uploads:
        name, args = CONFIRM_PAGES[upload["kind"]]
        upload["confirm_url"] = reverse(name, args=args(upload))
    return uploads
