"""What the partners did: the plan's actions by lead agency (led, completed, on track as at the latest round),
the rounds held, and the agencies taking part. Figures only; the board manager's narrative says what they mean.

"On track" is rated at a level that is neither complete nor one showing little progress (see mscb.yearly.year:
Amber and Green on RAG). An action led by two agencies counts under each, as on the dashboard.
"""

from core.formats import long_date, plural
from mscb.dashboard.selectors import NO_LEAD_AGENCY
from objectives.models import Action

from .. import typst_parts as parts
from ..registry import YearlySection
from ..word_parts import figures_table, paragraph
from ..year import is_on_track, read_year


def build(plan) -> dict:
    year = read_year(plan)
    latest = year.ratings[year.latest_round.pk] if year.rounds else {}
    by_agency: dict[str, list[Action]] = {}
    for action in year.actions:
        for agency in list(action.lead_agencies.all()) or [None]:
            by_agency.setdefault(agency.name if agency else NO_LEAD_AGENCY, []).append(action)
    names = sorted(by_agency, key=lambda name: (name == NO_LEAD_AGENCY, name.casefold()))
    return {
        "action_count": len(year.actions),
        "agency_count": len([name for name in names if name != NO_LEAD_AGENCY]),
        "rounds": [
            {
                "label": one.label,
                "as_of": long_date(one.as_of),
                "deadline": long_date(one.deadline) if one.deadline else "",
            }
            for one in year.rounds
        ],
        "agencies": [_line(name, by_agency[name], plan.scale, latest) for name in names],
        "total": _line("Total", year.actions, plan.scale, latest),
    }


def _line(name: str, actions: list[Action], scale, latest: dict) -> dict:
    return {
        "name": name,
        "led": len(actions),
        "completed": sum(action.status == Action.Status.COMPLETED for action in actions),
        "on_track": sum(
            action.status == Action.Status.OPEN and is_on_track(scale, latest.get(action.pk)) for action in actions
        ),
    }


ROUND_HEADER = ["Round", "As of", "Deadline for updates"]
AGENCY_HEADER = ["Lead agency", "Actions led", "Completed", "On track"]
COUNTING_NOTE = (
    "An action led by two agencies counts under each. On track: rated neither complete nor at a level that shows "
    "little progress."
)


def summary(figures: dict) -> str:
    """ "12 actions in the plan, led by 5 agencies; 2 progress rounds held." """
    return (
        f"{plural(figures['action_count'], 'action')} in the plan, led by "
        f"{plural(figures['agency_count'], 'agency', 'agencies')}; "
        f"{plural(len(figures['rounds']), 'progress round')} held."
    )


def round_rows(figures: dict) -> list[list[str]]:
    return [[one["label"], one["as_of"], one["deadline"] or "None set"] for one in figures["rounds"]]


def agency_rows(figures: dict) -> list[list]:
    """Each lead agency's counts, then the totals."""
    lines = [*figures["agencies"], figures["total"]]
    return [[line["name"], line["led"], line["completed"], line["on_track"]] for line in lines]


def pdf_blocks(figures: dict) -> list[dict]:
    if not figures:
        return parts.pending()
    rounds = (
        parts.table("Progress rounds held in the year", ROUND_HEADER, round_rows(figures), shares=[2, 1.5, 1.5])
        if figures["rounds"]
        else parts.paragraph("No progress round was held.")
    )
    return [
        parts.paragraph(summary(figures)),
        parts.heading("Progress rounds held"),
        rounds,
        parts.heading("Actions by lead agency"),
        parts.table(
            "Actions by lead agency, as at the latest round",
            AGENCY_HEADER,
            agency_rows(figures),
            shares=[3, 1, 1, 1],
            numbers=(1, 2, 3),
            total_last=True,
        ),
        parts.paragraph(COUNTING_NOTE, small=True),
    ]


def write_word(document, figures: dict) -> None:
    if not figures:
        return
    paragraph(document, summary(figures))
    figures_table(document, "Progress rounds held", ROUND_HEADER, round_rows(figures))
    figures_table(document, "Actions by lead agency", AGENCY_HEADER, agency_rows(figures))


SECTION = YearlySection(
    key="partners",
    title="What the partners did and how effective it was",
    asks_for=(
        "What the safeguarding partners and relevant agencies did as a result of the arrangements, "
        "and how effective the arrangements have been in practice."
    ),
    build=build,
    template_name="yearly/sections/_partners.html",
    pdf_blocks=pdf_blocks,
    write_word=write_word,
)
