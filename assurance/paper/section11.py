"""The Section 11 part of the paper's Assurance section: the latest cycle by the round's as-of date.

The cycle shown is the latest one opened by then, whatever plan its improvement actions report in: Section 11
is the partnership's self-assessment, not one plan's, and a cycle still running when the plan rolls over belongs
to the old plan. Each agency asked is shown as its return stood on the as-of date, and the grid of agreed ratings
only when the board had published it by then. Four queries, one more for the grid, however many agencies and
standards there are.
"""

from django.db.models import Max
from django.utils import timezone

from core.formats import long_date

from ..models import Section11Cycle, Section11Return, StandardAssessment

NOT_SUBMITTED = Section11Return.Status.DRAFT.label
NOT_AGREED = "Not agreed"


def section11_data(as_of) -> dict | None:
    """The cycle's returns in words and, once published, its grid; None when no cycle had opened."""
    cycle = Section11Cycle.objects.filter(opens_on__lte=as_of).select_related("scale").first()
    if cycle is None:
        return None
    agencies = list(cycle.agencies.all())
    returns = {row.agency_id: row for row in cycle.returns.annotate(moderated_on=Max("assessments__moderated_on"))}
    statuses = [{"agency": str(agency), "status": _status_on(returns.get(agency.pk), as_of)} for agency in agencies]
    is_published = cycle.published_on is not None and cycle.published_on <= as_of
    return {
        "title": cycle.title,
        "opens": long_date(cycle.opens_on),
        "deadline": long_date(cycle.deadline),
        "summary": _summary(statuses),
        "returns": statuses,
        "grid": _grid(cycle, agencies) if is_published else None,
    }


def _status_on(section11_return, as_of) -> str:
    """ "Moderated", "Submitted on 3 November 2025" or "Not submitted", as the return stood on `as_of`.

    A return counts as moderated from the day its last standard was moderated (or, with no dates recorded,
    whenever it is marked so), and as submitted from the day it was submitted.
    """
    if section11_return is None:
        return NOT_SUBMITTED
    moderated_on = section11_return.moderated_on
    if section11_return.status == Section11Return.Status.MODERATED and (
        moderated_on is None or timezone.localdate(moderated_on) <= as_of
    ):
        return Section11Return.Status.MODERATED.label
    submitted_on = section11_return.submitted_on
    if section11_return.status != Section11Return.Status.DRAFT and submitted_on is None:
        return Section11Return.Status.SUBMITTED.label
    if submitted_on is not None and timezone.localdate(submitted_on) <= as_of:
        return f"Submitted on {long_date(timezone.localdate(submitted_on))}"
    return NOT_SUBMITTED


def _summary(statuses: list[dict]) -> str:
    """ "3 of 5 agencies had submitted their returns, 1 of them moderated."."""
    submitted = sum(row["status"] != NOT_SUBMITTED for row in statuses)
    moderated = sum(row["status"] == Section11Return.Status.MODERATED.label for row in statuses)
    asked = len(statuses)
    noun = "agency" if asked == 1 else "agencies"
    return f"{submitted} of {asked} {noun} had submitted their returns, {moderated} of them moderated."


def _grid(cycle, agencies) -> dict:
    """Agency by standard, each cell the agreed rating's words and colours, so a publication keeps them."""
    scale = cycle.scale.as_scale()
    standards = list(cycle.standards.order_by("number"))
    assessments = StandardAssessment.objects.filter(section11_return__cycle=cycle)
    agreed = {
        (agency_id, standard_id): rating
        for agency_id, standard_id, rating in assessments.values_list(
            "section11_return__agency_id", "standard_id", "agreed_rating"
        )
    }
    return {
        "published": long_date(cycle.published_on),
        "standards": [{"number": standard.number, "title": standard.title} for standard in standards],
        "rows": [
            {"agency": str(agency), "ratings": [_badge(scale, agreed.get((agency.pk, s.pk), "")) for s in standards]}
            for agency in agencies
        ],
    }


def _badge(scale, value: str) -> dict:
    if not value:
        return {"label": NOT_AGREED, "css_class": "", "fill": "", "text": ""}
    shown = scale.rating(value)
    return {"label": shown.label, "css_class": shown.css_class, "fill": shown.fill, "text": shown.text}
