"""Building the committee paper's case reviews section, and the rows of actions it and the CDOP section (cdop.py) print.

The sections come after the objectives table and before Training. Each `build` reads the live models in a fixed number
of queries and returns JSON-ready data (strings, numbers, booleans, lists and dicts; lists wherever order
matters, since PostgreSQL does not keep a JSON object's key order), because a published snapshot stores it and
renders it again byte for byte. The templates and word.py read that data only.

Progress follows the objectives table: the action's accepted update from this round or, failing that, its latest
earlier one (marked "From ..."); drafts, submissions and later rounds never show.

The case reviews are as they stood on the round's as-of date: a review shows if it had begun by then and was not
closed, its status and next step are judged from its dated steps on that date (reviews.stages), "Overdue" means
late on that date, and each is called by the guidance it began under (reviews.guidance), as is the section.
Publications stored before the section printed summaries have no "summary" key, and still render.
"""

from collections import defaultdict

from core.formats import long_date
from core.rating import DEFAULT_SCALE_NAME, Scale
from objectives.models import Action, ProgressUpdate
from objectives.paper.from_report import paper_row
from objectives.paper.snapshot import PaperSection, to_data
from objectives.selectors.report import ReportRow, latest_accepted_updates

from .. import guidance, stages
from ..models import Recommendation, Review

REVIEWS_KIND = "case_reviews"


def action_rows(actions, progress_round, scale: Scale) -> list[tuple[Action, dict]]:
    """Each action in reference order with what the paper shows of it, in three queries however many there are."""
    listed = list(actions.in_ref_order())
    agencies = defaultdict(list)
    # Through the link table rather than prefetch_related, so the query runs (and counts) even with no actions.
    links = Action.lead_agencies.through.objects.filter(action__in=actions)
    for action_id, name in links.order_by("agency__name").values_list("action_id", "agency__name"):
        agencies[action_id].append(name)
    updates = latest_accepted_updates(actions=actions, progress_round=progress_round)
    return [
        (action, _row(action, agencies[action.pk], updates.get(action.pk), progress_round, scale)) for action in listed
    ]


def _row(action: Action, lead_agencies: list[str], update: ProgressUpdate | None, progress_round, scale) -> dict:
    """The objectives table's row for the action, rated on the plan's scale, as JSON-ready data."""
    earlier = update is not None and update.round_id != progress_round.pk
    row = paper_row(ReportRow(action, lead_agencies, update, is_from_earlier_round=earlier), scale)
    # Stored with the data, as the templates read it there; the objectives table asks the PaperRow instead.
    return {**to_data(row), "keep_together": row.keep_together}


def _rag_counts(rows: list[dict], scale: Scale) -> list[dict]:
    """How many actions have each entry of the plan's key; none at all for a plan that rates nothing."""
    return [
        {
            "rag": entry.value,
            "label": entry.label,
            # "No update" counts the actions with nothing reported, not those reported with a blank rating.
            "count": sum(row["rag"] == entry.value and (bool(entry.value) or not row["reported"]) for row in rows),
        }
        for entry in scale.key_entries
    ]


def summary_caption(scale: Scale) -> str:
    """The open reviews table's caption, naming what its counts are counted by (nothing, on no scale)."""
    if scale.is_none:
        return "Open reviews and their action plans"
    return f"Open reviews and their action plans by {'RAG' if scale.name == DEFAULT_SCALE_NAME else 'rating'}"


def progress_heading(plan, progress_round) -> str:
    # Stored as "round_label", the key older publications have, so they still read.
    return plan.progress_heading_for(progress_round.as_of)


def _next_step(review: Review, status: str, as_of) -> dict | None:
    step = stages.next_step(review, status=status, judged_on=as_of, taken_by=as_of)
    if step is None:
        return None
    return {
        "label": step.label,
        "due_on": step.due_on.isoformat(),
        "due": long_date(step.due_on),
        "is_overdue": step.is_overdue,
    }


def build_case_reviews(*, plan, progress_round) -> PaperSection | None:
    """The reviews open on the round's as-of date with their action plans: one query when none was, five otherwise."""
    as_of = progress_round.as_of
    # The paper is the board's: every review shows, whoever prints it (every role reads the register). Closed
    # reviews are read too, since one closed since the as-of date was open then; a register is a few dozen.
    reviews = [review for review in Review.objects.order_by("name") if stages.is_open_on(review, as_of)]
    if not reviews:
        return None
    review_ids = [review.pk for review in reviews]
    recommendations = defaultdict(list)
    for recommendation in Recommendation.objects.filter(review_id__in=review_ids).order_by("number"):
        recommendations[recommendation.review_id].append(recommendation)
    actions = (
        Action.objects.not_hidden()
        .filter(plan=plan, recommendation_link__recommendation__review_id__in=review_ids)
        .select_related("recommendation_link")
    )
    rows = defaultdict(list)
    for action, row in action_rows(actions, progress_round, plan.scale):
        rows[action.recommendation_link.recommendation_id].append(row)

    data = [_review_data(review, recommendations[review.pk], rows, plan.scale, as_of) for review in reviews]
    return PaperSection(
        kind=REVIEWS_KIND,
        title=guidance.section_title(as_of),
        data={
            "round_label": progress_heading(plan, progress_round),
            "summary_caption": summary_caption(plan.scale),
            "reviews": data,
        },
    )


def _review_data(review, recommendations, rows, scale, as_of) -> dict:
    """One review as the section prints it: its state on the as-of date, summary, counts and each recommendation's
    actions."""
    listed = [
        {"number": recommendation.number, "text": recommendation.text, "actions": rows[recommendation.pk]}
        for recommendation in recommendations
    ]
    review_rows = [row for recommendation in listed for row in recommendation["actions"]]
    status = stages.status_on(review, as_of)
    return {
        "name": review.name,
        "kind": review.kind_term,
        "status": Review.Status(status).label,
        "summary": review.summary,
        "next_step": _next_step(review, status, as_of),
        "rag_counts": _rag_counts(review_rows, scale),
        "recommendations": listed,
    }
