"""Evidence of impact: each action's latest evidence of impact as at the latest round (accepted progress only, as
the committee paper reads it), and the plan's indicators with their first and last values within the plan year."""

from objectives.models import Action, Indicator
from objectives.selectors.indicators import direction_of, number_text, readings
from objectives.selectors.report import latest_accepted_updates

from .. import typst_parts as parts
from ..registry import YearlySection
from ..word_parts import figures_table, paragraph, subheading
from ..year import read_year


def build(plan) -> dict:
    year = read_year(plan)
    return {
        "action_name": plan.action_name,
        "evidence": _evidence(plan, year),
        "indicators": _indicators(plan),
    }


def _evidence(plan, year) -> list[dict]:
    if not year.rounds:
        return []
    updates = latest_accepted_updates(
        actions=Action.objects.filter(objective__aim__plan=plan), progress_round=year.latest_round
    )
    found = []
    for action in year.actions:
        update = updates.get(action.pk)
        if update is not None and update.impact.strip():
            found.append({"ref": action.ref, "text": action.text, "impact": update.impact, "round": update.round.label})
    return found


def _indicators(plan) -> list[dict]:
    """Each indicator's values whose period ends within the plan year: its first and last, and which way it went."""
    indicators = list(Indicator.objects.filter(plan=plan).order_by("name", "pk"))
    lines = []
    for reading in readings(indicators, plan.ends_on, plan.scale):
        values = [value for value in reading.values if value.period_end >= plan.starts_on]
        indicator = reading.indicator
        first, last = (values[0], values[-1]) if values else (None, None)
        lines.append(
            {
                "name": indicator.name,
                "first": f"{number_text(first.value, indicator)} ({first.period_text})" if first else "",
                "last": f"{number_text(last.value, indicator)} ({last.period_text})" if len(values) > 1 else "",
                "direction": direction_of(indicator, [first, last]) if len(values) > 1 else "",
            }
        )
    return lines


EVIDENCE_CAPTION = "Latest evidence of impact of each action"
INDICATORS_CAPTION = "Indicators: first and last values in the year"
INDICATORS_HEADER = ["Indicator", "First value", "Last value", "Direction"]
NO_EVIDENCE = "No evidence of impact was reported."
NO_INDICATORS = "The plan has no performance indicators."


def evidence_header(figures: dict) -> list[str]:
    return ["Ref", figures["action_name"], "Evidence of impact", "Reported in"]


def evidence_rows(figures: dict) -> list[list[str]]:
    return [[row["ref"], row["text"], row["impact"], row["round"]] for row in figures["evidence"]]


def indicator_rows(figures: dict) -> list[list[str]]:
    return [[one["name"], one["first"] or "None", one["last"], one["direction"]] for one in figures["indicators"]]


def pdf_blocks(figures: dict) -> list[dict]:
    if not figures:
        return parts.pending()
    evidence, indicators = figures["evidence"], figures["indicators"]
    return [
        parts.heading("Evidence of impact reported"),
        parts.table(
            EVIDENCE_CAPTION,
            evidence_header(figures),
            evidence_rows(figures),
            shares=[parts.AS_WIDE_AS_ITS_TEXT, 3, 4, 1.8],
        )
        if evidence
        else parts.paragraph(NO_EVIDENCE),
        parts.heading("Performance indicators"),
        parts.table(INDICATORS_CAPTION, INDICATORS_HEADER, indicator_rows(figures), shares=[3, 2, 2, 1.4])
        if indicators
        else parts.paragraph(NO_INDICATORS),
    ]


def write_word(document, figures: dict) -> None:
    if not figures:
        return
    subheading(document, "Evidence of impact reported")
    if figures["evidence"]:
        figures_table(document, EVIDENCE_CAPTION, evidence_header(figures), evidence_rows(figures))
    else:
        paragraph(document, NO_EVIDENCE)
    subheading(document, "Performance indicators")
    if figures["indicators"]:
        figures_table(document, INDICATORS_CAPTION, INDICATORS_HEADER, indicator_rows(figures))
    else:
        paragraph(document, NO_INDICATORS)


SECTION = YearlySection(
    key="impact",
    title="Evidence of impact",
    asks_for=(
        "Evidence of the impact of the partners' work, including training, on outcomes for children and families."
    ),
    build=build,
    template_name="yearly/sections/_impact.html",
    pdf_blocks=pdf_blocks,
    write_word=write_word,
)
