"""The yearly report's section on the child death overview panel: each CDOP year overlapping the plan's year (or,
when none does, the panel's latest report before it), with its figures as the committee paper shows them
(reviews.paper.cdop), and the panel's actions in this plan with their latest rating and progress as at the plan's
last round (reviews.paper.build.action_rows).

A figure the board did not record stays None, never 0: a zero would say no child died.
"""

from datetime import timedelta

from objectives.models import Action
from reviews.models import CdopYear
from reviews.paper.build import action_rows
from reviews.paper.cdop import year_figures

from ..registry import YearlySection
from .cdop_pdf import pdf_blocks
from .cdop_word import write_word

# A CDOP year is the twelve months to its `ends_on`; it overlaps the plan's year when it ends on or after the plan
# starts and began before the plan ended (ended less than a year after it).
A_YEAR = timedelta(days=365)
OPEN = "Open"


def build(plan) -> dict:
    years = list(
        CdopYear.objects.filter(ends_on__gte=plan.starts_on, ends_on__lt=plan.ends_on + A_YEAR).order_by("ends_on")
    )
    # The panel reports after its year ends, so a plan's year often has only the year before's report to show.
    latest_only = not years
    if latest_only:
        years = list(CdopYear.objects.filter(ends_on__lt=plan.starts_on).order_by("-ends_on")[:1])
    if not years:
        return {"years": [], "latest_only": False, "actions": [], "round": ""}
    actions = Action.objects.not_hidden().filter(plan=plan, cdop_link__year__in=years).select_related("cdop_link__year")
    last_round = plan.rounds.filter(as_of__lte=plan.ends_on).order_by("-as_of").first()
    return {
        "years": [year_figures(year) for year in years],
        "latest_only": latest_only,
        "actions": _actions(actions, last_round, plan),
        "round": last_round.label if last_round else "",
    }


def _actions(actions, last_round, plan) -> list[dict]:
    """Each action's reference, text, lead agencies and status, with its latest rating and progress to the round."""
    if last_round is None:
        listed = actions.in_ref_order().prefetch_related("lead_agencies")
        return [
            _row(action, {"lead_agencies": [agency.name for agency in action.lead_agencies.all()]}) for action in listed
        ]
    return [_row(action, row) for action, row in action_rows(actions, last_round, plan.scale)]


def _row(action: Action, row: dict) -> dict:
    return {
        "year": action.cdop_link.year.title,
        "ref": action.ref,
        "text": action.text,
        "lead_agencies": list(row["lead_agencies"]),
        # The paper's row names a status only once the action is no longer open.
        "status": row.get("status") or action.get_status_display() or OPEN,
        "rating": row.get("rag_label", ""),
        "progress": row.get("progress", ""),
        "earlier_round": row.get("earlier_round", ""),
    }


SECTION = YearlySection(
    key="cdop",
    title="Child death overview panel",
    asks_for=("The child death overview panel's figures for the year and its actions."),
    build=build,
    template_name="yearly/sections/_cdop.html",
    pdf_blocks=pdf_blocks,
    write_word=write_word,
)
