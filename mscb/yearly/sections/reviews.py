"""The yearly report's section on case reviews: the reviews open or active in the plan's year, and the decisions
and actions on recommendations, read from the one register (core.recommendations.entries_for, every entry).

A case review's recommendations show when their review was active in the year or their decision was made in it;
other sources' (Section 11, audits, inspections) when they reported or were decided in the year. A decision not
to accept a recommendation in full is listed again with its reasons, as Working Together asks.
"""

from datetime import date

from core.formats import long_date
from core.models.decisions import NEEDS_REASONS
from core.recommendations import Entry, entries_for
from reviews import stages
from reviews.models import Review
from reviews.register_entries import KIND as CASE_REVIEW

from ..registry import YearlySection
from .reviews_pdf import pdf_blocks
from .reviews_word import write_word


def build(plan) -> dict:
    """Two queries for the reviews, and the register's own fixed number for the recommendations."""
    starts_on, ends_on = plan.starts_on, plan.ends_on
    # A register is a few dozen reviews; their dated steps decide which were active, as the paper decides.
    reviews = [review for review in Review.objects.order_by("name") if _active(review, starts_on, ends_on)]
    active_urls = {review.get_absolute_url() for review in reviews}
    entries = entries_for(user=None)
    from_reviews = [
        entry
        for entry in entries
        if entry.kind == CASE_REVIEW and (entry.source_url in active_urls or _within(entry.decided_on, plan))
    ]
    others = [
        entry
        for entry in entries
        if entry.kind != CASE_REVIEW and (_within(entry.decided_on, plan) or _within(entry.reported_on, plan))
    ]
    return {
        "reviews": [_review(review, ends_on) for review in reviews],
        "recommendations": [_entry(entry) for entry in from_reviews],
        "not_accepted": [_entry(entry) for entry in from_reviews if entry.decision in NEEDS_REASONS],
        "other_recommendations": [_entry(entry) for entry in others],
        "others_not_accepted": [_entry(entry) for entry in others if entry.decision in NEEDS_REASONS],
    }


def _within(day: date | None, plan) -> bool:
    return day is not None and plan.starts_on <= day <= plan.ends_on


def _active(review: Review, starts_on: date, ends_on: date) -> bool:
    """Open at some point in the year: open when it began, or a dated step (begun, reported, closed) within it."""
    if stages.is_open_on(review, starts_on):
        return True
    began = stages.began_on(review)
    if began is None:
        # Nothing dated yet: a review still on the register is in hand now.
        return review.status != Review.Status.CLOSED
    steps = [getattr(review, field) for field, _status in stages.DATED_STEPS]
    return any(day is not None and starts_on <= day <= ends_on for day in steps)


def _date(day: date | None) -> str:
    return long_date(day) if day else ""


def _review(review: Review, ends_on: date) -> dict:
    return {
        "name": review.name,
        "kind": review.kind_term,
        "status": Review.Status(stages.status_on(review, ends_on)).label,
        "began": _date(stages.began_on(review)),
        "completed": _date(review.completed_on),
        "published": _date(review.published_on),
        "closed": _date(review.closed_on),
    }


def _entry(entry: Entry) -> dict:
    return {
        "kind": entry.kind_label,
        "source": entry.source,
        "number": entry.number,
        "text": entry.text,
        "agencies": list(entry.agencies),
        "decision": entry.decision_label,
        "decision_reasons": entry.decision_reasons,
        "decided_on": _date(entry.decided_on),
        "decided_by": entry.decided_by,
        "status": entry.status.label,
        "actions": [
            {"ref": action.ref, "text": action.text, "status": action.status_label} for action in entry.actions
        ],
    }


SECTION = YearlySection(
    key="reviews",
    title="Case reviews: decisions and actions on their recommendations",
    asks_for=(
        "A record of the decisions and actions taken (or planned) to implement the recommendations "
        "of local and national child safeguarding practice reviews, and the improvements they led "
        "to."
    ),
    build=build,
    template_name="yearly/sections/_reviews.html",
    pdf_blocks=pdf_blocks,
    write_word=write_word,
)
