"""Areas with little or no evidence of progress: the open actions of the plan picked by any of three rules, each
judged as at the latest round of the year, and named beside the action in words.

(a) Low rating: its latest accepted rating (carried forward from an earlier round, as the paper does) is the lowest
    level of the plan's scale (Not started on RAG) or a level the board marks as needing attention (Red,
    "3 Slipped"). Plans that rate nothing skip this rule.
(b) Slippage: its target date is before the latest round's as-of date and it is not complete.
(c) Missing updates: it has no accepted update in the latest round, or none in two or more of the year's rounds.

Completed and withdrawn actions are never listed: nothing more is asked of them.
"""

from core.formats import plural
from objectives.models import Action, ProgressUpdate

from .. import typst_parts as parts
from ..registry import YearlySection
from ..word_parts import figures_table, paragraph
from ..year import EVERY_READER, Year, is_low_level, read_year

RULES = [
    "Low rating: its latest accepted rating is the lowest level of the plan's scale, or a level marked as "
    "needing attention (such as Red). Plans that rate nothing skip this rule.",
    "Slippage: its target date had passed by the latest round and it is not complete.",
    "Missing updates: it had no accepted update in the latest round, or none in two or more rounds of the year.",
]


def build(plan) -> dict:
    year = read_year(plan)
    if not year.rounds:
        return {"as_of": "", "rules": RULES, "actions": [], "action_name": plan.action_name}
    reported = _reported_rounds(year)
    listed = []
    for action in year.actions:
        if action.status != Action.Status.OPEN:
            continue
        reasons = _reasons(action, plan.scale, year, reported.get(action.pk, set()))
        if reasons:
            listed.append(
                {
                    "ref": action.ref,
                    "text": action.text,
                    "lead_agencies": ", ".join(agency.name for agency in action.lead_agencies.all()),
                    "reasons": reasons,
                }
            )
    return {"as_of": year.latest_round.label, "rules": RULES, "actions": listed, "action_name": plan.action_name}


def _reported_rounds(year: Year) -> dict[int, set[int]]:
    """The rounds in which each action has an accepted update of its own (not carried forward): 1 query."""
    rows = (
        ProgressUpdate.objects.visible_to(EVERY_READER)
        .accepted()
        .filter(round__in=[one.pk for one in year.rounds])
        .values_list("action_id", "round_id")
    )
    reported: dict[int, set[int]] = {}
    for action_id, round_id in rows:
        reported.setdefault(action_id, set()).add(round_id)
    return reported


def _reasons(action: Action, scale, year: Year, reported: set[int]) -> list[str]:
    latest = year.latest_round
    reasons = []
    value = year.ratings[latest.pk].get(action.pk)
    if not scale.is_none and is_low_level(scale, value):
        reasons.append(f"Low rating: {scale.label(value)}")
    if action.target_on and action.target_on < latest.as_of:
        reasons.append(f"Slippage: target {action.target_display} passed")
    missed = [one for one in year.rounds if one.pk not in reported]
    if latest.pk not in reported:
        reasons.append(f"Missing updates: none accepted in {latest.label}")
    elif len(missed) >= 2:
        reasons.append(f"Missing updates: none accepted in {plural(len(missed), 'round')} of {len(year.rounds)}")
    return reasons


def caption(figures: dict) -> str:
    return f"Actions with little or no evidence of progress, as at {figures['as_of']}"


def header(figures: dict) -> list[str]:
    return ["Ref", figures["action_name"], "Lead agencies", "Why it is listed"]


def rows(figures: dict, *, reasons_joined_by: str) -> list[list[str]]:
    return [
        [row["ref"], row["text"], row["lead_agencies"] or "None", reasons_joined_by.join(row["reasons"])]
        for row in figures["actions"]
    ]


def none_picked(figures: dict) -> str:
    if figures["as_of"]:
        return f"No action was picked by the rules below as at {figures['as_of']}."
    return "No progress round was held, so there is nothing to judge yet."


def pdf_blocks(figures: dict) -> list[dict]:
    if not figures:
        return parts.pending()
    if figures["actions"]:
        # One reason a line, as the page lists them.
        picked = parts.table(
            caption(figures),
            header(figures),
            rows(figures, reasons_joined_by="\n"),
            shares=[parts.AS_WIDE_AS_ITS_TEXT, 3, 2, 3],
        )
    else:
        picked = parts.paragraph(none_picked(figures))
    return [
        picked,
        parts.heading("How actions are picked"),
        parts.paragraph(
            "An open action is listed when, as at the latest round of the year, any of these rules picks it:"
        ),
        parts.bullets(figures["rules"]),
    ]


def write_word(document, figures: dict) -> None:
    if not figures:
        return
    if not figures["actions"]:
        paragraph(document, none_picked(figures))
    else:
        figures_table(document, caption(figures), header(figures), rows(figures, reasons_joined_by="; "))
    paragraph(document, "An open action is listed when any of these rules picks it:")
    for rule in figures["rules"]:
        document.add_paragraph(rule, style="List Bullet")


SECTION = YearlySection(
    key="little-progress",
    title="Areas with little or no evidence of progress",
    asks_for=("An analysis of any areas where there has been little or no evidence of progress on agreed priorities."),
    build=build,
    template_name="yearly/sections/_little_progress.html",
    pdf_blocks=pdf_blocks,
    write_word=write_word,
)
