"""The dashboard's one list of exceptions: actions that got worse since the round before, are rated at a level the
board marked as an exception (Red, "3 Slipped"), or are overdue, each with why it is listed, in words.

Overdue is judged at the round's as-of date, as the paper's exceptions are, not on the day the page is read.
"""

from dataclasses import dataclass

from core.formats import month_year
from core.rating import Scale
from objectives.models import Action

from .movement import Movement
from .selectors import Choice, RatedAction


@dataclass(frozen=True)
class Flagged:
    action: Action
    reasons: tuple[str, ...]


def exceptions(rated: list[RatedAction], scale: Scale, choice: Choice) -> list[Flagged]:
    listed = []
    for row in rated:
        reasons = _reasons(row, scale, choice)
        if reasons:
            listed.append(Flagged(row.action, tuple(reasons)))
    return listed


def _reasons(row: RatedAction, scale: Scale, choice: Choice) -> list[str]:
    reasons = []
    if row.movement == Movement.WORSE:
        before = month_year(choice.previous_round.as_of)
        reasons.append(f"Worse since {before}: {scale.label(row.before)} then, {scale.label(row.now)} now")
    level = scale.rating(row.now)
    if row.now and scale.has(row.now) and level.is_exception:
        reasons.append(f"Rated {level.label}")
    action = row.action
    if action.status == Action.Status.OPEN and action.target_on and action.target_on < choice.progress_round.as_of:
        reasons.append(f"Overdue: target {action.target_display}")
    return reasons
