"""The cycle page's grid, read in a fixed number of queries: agencies down, standards across, each cell the agreed
rating (or the self-assessed one, marked), each agency's completion, and what changed since the last cycle."""

from dataclasses import dataclass, field

from core import rating

from ..models import Section11Cycle, Section11Return, StandardAssessment


@dataclass
class Cell:
    standard_number: int
    value: str
    is_agreed: bool
    change: str = ""  # "better", "same", "worse" or "" when there is nothing to compare with
    previous_label: str = ""


@dataclass
class Row:
    section11_return: Section11Return
    cells: list[Cell] = field(default_factory=list)
    rated: int = 0


@dataclass
class Grid:
    scale: rating.Scale
    standards: list
    rows: list[Row]
    previous: Section11Cycle | None


def visible_rows(cycle: Section11Cycle, user):
    """The returns of the cycle this person may see on its grid: see Section11Return.objects.visible_to."""
    return (
        Section11Return.objects.visible_to(user).filter(cycle=cycle).select_related("agency").order_by("agency__name")
    )


def previous_cycle(cycle: Section11Cycle) -> Section11Cycle | None:
    """The cycle before this one, whose agreed ratings the grid compares against."""
    return (
        Section11Cycle.objects.filter(opens_on__lt=cycle.opens_on).select_related("scale").order_by("-opens_on").first()
    )


def _change(scale: rating.Scale, previous_scale: rating.Scale, before: str, now: str) -> str:
    if not before or not now:
        return ""
    difference = scale.rating(now).rank - previous_scale.rating(before).rank
    return "better" if difference > 0 else "worse" if difference < 0 else "same"


def _previous_ratings(previous: Section11Cycle | None, agency_ids) -> dict[tuple[int, int], str]:
    """(agency id, standard number) to the agreed rating of the previous cycle."""
    if previous is None:
        return {}
    rows = StandardAssessment.objects.filter(
        section11_return__cycle=previous, section11_return__agency__in=agency_ids
    ).values_list("section11_return__agency_id", "standard__number", "agreed_rating")
    return {(agency_id, number): agreed for agency_id, number, agreed in rows if agreed}


def build_grid(cycle: Section11Cycle, user) -> Grid:
    """The grid of `cycle` as `user` may see it; the cycle comes with its scale and the scale's levels."""
    scale = cycle.scale.as_scale()
    standards = list(cycle.standards.order_by("number"))
    returns = list(visible_rows(cycle, user))
    assessments = StandardAssessment.objects.filter(section11_return__in=returns).select_related("standard")
    by_return: dict[int, dict[int, StandardAssessment]] = {}
    for assessment in assessments:
        by_return.setdefault(assessment.section11_return_id, {})[assessment.standard.number] = assessment
    previous = previous_cycle(cycle)
    # Ranks of two different scales say nothing about each other, so only the same scale is compared.
    comparable = previous is not None and previous.scale_id == cycle.scale_id
    before = _previous_ratings(previous, [return_.agency_id for return_ in returns]) if comparable else {}
    rows = []
    for return_ in returns:
        row = Row(return_)
        for standard in standards:
            assessment = by_return.get(return_.pk, {}).get(standard.number)
            agreed = assessment.agreed_rating if assessment else ""
            value = agreed or (assessment.rating if assessment else "")
            earlier = before.get((return_.agency_id, standard.number), "")
            row.rated += bool(assessment and assessment.rating)
            row.cells.append(
                Cell(standard.number, value, bool(agreed), _change(scale, scale, earlier, value), scale.label(earlier))
            )
        rows.append(row)
    return Grid(scale, standards, rows, previous)
