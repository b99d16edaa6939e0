"""Building the committee paper's "Child Death Overview Panel" section: the year's report as at the round's date.

The year shown is the latest one over by the round's as-of date (before any is, the latest there is), with
whatever it holds: its figures, its main messages, the panel's narrative, or only some of them. A figure the
board did not record is None in the data and is left out of the paper, never printed as 0.

Like the case reviews' section, `build_cdop` returns JSON-ready data that a published snapshot stores and renders
again. Publications from before figures were optional hold every figure as a number and no "narrative"; the
templates and word.py read both shapes.
"""

from collections import defaultdict

from django.db.models import OuterRef, Q, Subquery

from core.formats import long_date
from objectives.models import Action
from objectives.paper.snapshot import PaperSection

from ..models import CdopCategory, CdopFigure, CdopYear
from .build import action_rows, progress_heading

CDOP_KIND, CDOP_TITLE = "cdop", "Child Death Overview Panel"


def _share(part: int | None, whole: int | None) -> str:
    """A whole percentage, halves rounded up ("30%"); empty unless both are known and there is a whole to share."""
    if part is None or not whole:
        return ""
    return f"{(200 * part + whole) // (2 * whole)}%"


def _categories(year: CdopYear) -> list[dict]:
    """Each category in use and any retired one the year counted, with its deaths (None where not recorded);
    none at all when the year recorded no category, so the paper prints no column of blanks. One query."""
    deaths = CdopFigure.objects.filter(year=year, category=OuterRef("pk")).values("deaths")[:1]
    categories = list(
        CdopCategory.objects.annotate(deaths=Subquery(deaths))
        .filter(Q(is_active=True) | Q(deaths__isnull=False))
        .order_by("position", "name")
    )
    if all(category.deaths is None for category in categories):
        return []
    return [{"name": category.name, "deaths": category.deaths} for category in categories]


def year_figures(year: CdopYear) -> dict:
    """A panel year's figures as the paper and the yearly report print them."""
    return {
        "title": year.title,
        "ends": long_date(year.ends_on),
        "deaths_reviewed": year.deaths_reviewed,
        "with_modifiable_factors": year.with_modifiable_factors,
        "modifiable_share": _share(year.with_modifiable_factors, year.deaths_reviewed),
        "summary": year.summary,
        "narrative": year.narrative,
        "categories": _categories(year),
    }


def build_cdop(*, plan, progress_round) -> PaperSection | None:
    """The year's report and the panel's actions in this plan: one query when there is no year, five otherwise."""
    years = list(CdopYear.objects.order_by("-ends_on"))
    if not years:
        # Every CDOP action belongs to a year, so there are none either.
        return None
    shown = next((year for year in years if year.ends_on <= progress_round.as_of), years[0])
    figures = year_figures(shown)
    actions = Action.objects.not_hidden().filter(plan=plan, cdop_link__isnull=False).select_related("cdop_link")
    rows = defaultdict(list)
    for action, row in action_rows(actions, progress_round, plan.scale):
        rows[action.cdop_link.year_id].append(row)
    groups = [{"title": year.title, "actions": rows[year.pk]} for year in years if rows[year.pk]]
    return PaperSection(
        kind=CDOP_KIND,
        title=CDOP_TITLE,
        data={"round_label": progress_heading(plan, progress_round), "year": figures, "action_groups": groups},
    )
