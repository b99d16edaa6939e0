"""A review's state on a given day, judged from its dated steps, and the step it waits for next.

The register judges a review as it stands today; the committee paper judges it as it stood on the round's as-of
date, so a review completed in January 2013 is still under way in the December 2012 paper. Statuses are
Review.Status values, named here as strings so that models.py can use this module without a loop; their order is
Review.Status's own.
"""

from datetime import date

from core.formats import long_date

# The dated steps in the order a review takes them, each with the status it reaches.
DATED_STEPS = (
    ("incident_notified_on", "notified"),
    ("panel_notified_on", "notified"),
    ("rapid_review_on", "rapid_review"),
    ("decided_on", "commissioned"),
    ("commissioned_on", "commissioned"),
    ("completed_on", "completed"),
    ("published_on", "published"),
    ("closed_on", "closed"),
)
WAITS_FOR_NOTHING = ("published", "closed")
# Our part in another area's review ends when that area publishes; the board keeps monitoring its own reviews'
# action plans after publication, until it closes them.
ENDS_ON_PUBLICATION = ("other_area",)


class NextStep:
    def __init__(self, label: str, due_on: date, *, judged_on: date):
        self.label = label
        self.due_on = due_on
        self.judged_on = judged_on

    @property
    def is_overdue(self) -> bool:
        return self.due_on < self.judged_on

    def __str__(self):
        return f"{self.label} by {long_date(self.due_on)}"


def _rank(status: str) -> int:
    """How far along a status is: its place among Review.Status, which lists them in the order a review takes."""
    from .models import Review  # models.py imports this module

    return Review.Status.values.index(status)


def began_on(review) -> date | None:
    """The review's earliest dated step, or None when nothing is dated yet."""
    return min((day for field, _status in DATED_STEPS if (day := getattr(review, field))), default=None)


def status_on(review, day: date) -> str:
    """The review's status on `day`: as recorded unless a step dated after `day` shows it was not there yet."""
    reached = [status for field, status in DATED_STEPS if (dated := getattr(review, field)) and dated <= day]
    to_come = [status for field, status in DATED_STEPS if (dated := getattr(review, field)) and dated > day]
    latest_reached = max(reached, key=_rank, default="notified")
    if not to_come:
        # Nothing dated has happened since: the record stands, unless its dates show it got further (closed on a day).
        return max(review.status, latest_reached, key=_rank)
    # The recorded status says more than the dates ("Draft report") while it is short of the next dated step.
    if _rank(latest_reached) <= _rank(review.status) < _rank(min(to_come, key=_rank)):
        return review.status
    return latest_reached


def is_open_on(review, day: date) -> bool:
    """Whether the review had begun by `day` and was not closed (or, for some kinds, published) by then."""
    began = began_on(review)
    if began is not None and began > day:
        return False
    status = status_on(review, day)
    return status != "closed" and not (status == "published" and review.kind in ENDS_ON_PUBLICATION)


def next_step(review, *, status: str, judged_on: date, taken_by: date | None = None) -> NextStep | None:
    """What the review waits for next, judged on `judged_on`; steps dated after `taken_by` are not taken yet.

    The register passes no `taken_by` (every recorded step counts, as its overdue filter counts them); the
    paper passes its as-of date.
    """
    if status in WAITS_FOR_NOTHING:
        return None

    def taken(field: str) -> bool:
        dated = getattr(review, field)
        return dated is not None and (taken_by is None or dated <= taken_by)

    if review.panel_due_on and not taken("panel_notified_on"):
        return NextStep("Tell the national panel", review.panel_due_on, judged_on=judged_on)
    if review.rapid_review_due_on and not taken("rapid_review_on"):
        return NextStep("Hold the rapid review", review.rapid_review_due_on, judged_on=judged_on)
    if review.completion_due_on and not taken("completed_on"):
        return NextStep("Complete the review", review.completion_due_on, judged_on=judged_on)
    return None
