"""The plan year as the yearly report reads it: every round of the plan, and each action's ratings in them.

The report is the board's, not one person's view, so it reads the plan as every signed-in reader does (the whole
plan less what was deleted, accepted progress only) through the dashboard's own selectors, with `EVERY_READER`
standing for the reader; the figures then match the dashboard's and the committee paper's for the same round.
"""

from dataclasses import dataclass

from django.db.models import Prefetch, prefetch_related_objects

from core.rating import Scale
from mscb.dashboard.selectors import Choice, plan_actions, ratings_by_round
from objectives.models import Action, BusinessPlan, ProgressRound
from objectives.roles import READ


class _EveryReader:
    """Any signed-in reader of the plan: holds the readers' permissions and belongs to no agency."""

    pk = None
    is_authenticated = True
    is_active = True

    def has_perm(self, permission: str, obj=None) -> bool:
        return permission in READ


EVERY_READER = _EveryReader()


def load_plan(pk: int) -> BusinessPlan:
    """The plan with its scale and its rounds oldest first, as the sections read it: 3 queries."""
    rounds = Prefetch("rounds", queryset=ProgressRound.objects.order_by("as_of"))
    return BusinessPlan.objects.with_scale().prefetch_related(rounds).get(pk=pk)


def year_rounds(plan: BusinessPlan) -> list[ProgressRound]:
    """The plan's rounds, oldest first; one query unless load_plan already fetched them."""
    prefetch_related_objects([plan], Prefetch("rounds", queryset=ProgressRound.objects.order_by("as_of")))
    return sorted(plan.rounds.all(), key=lambda one: one.as_of)


def is_low_level(scale: Scale, value: str | None) -> bool:
    """Whether a rating shows little progress: the scale's lowest level (Not started on RAG), or one the board
    marks as needing attention (Red, "3 Slipped"). Blank, none and values the scale lacks are not."""
    if not value or not scale.has(value):
        return False
    level = scale.rating(value)
    return level.is_exception or level.rank == min(one.rank for one in scale.levels)


def is_on_track(scale: Scale, value: str | None) -> bool:
    """Rated, not complete, and not at a level that shows little progress (Amber and Green on RAG)."""
    if not value or not scale.has(value):
        return False
    return not scale.rating(value).is_complete and not is_low_level(scale, value)


@dataclass(frozen=True)
class Year:
    """The year's rounds (oldest first), the plan's actions in reference order, and every round's ratings."""

    choice: Choice | None
    rounds: list[ProgressRound]
    actions: list[Action]
    # By round id, then action id: the latest accepted rating at that round (carried forward, as the paper does).
    ratings: dict[int, dict[int, str]]

    @property
    def latest_round(self) -> ProgressRound | None:
        return self.rounds[-1] if self.rounds else None


def read_year(plan: BusinessPlan) -> Year:
    """The plan's year: 2 queries for its actions and their lead agencies, and 1 for every round's ratings."""
    rounds = year_rounds(plan)
    choice = Choice(plan, rounds[-1]) if rounds else None
    if choice is None:
        return Year(None, [], plan_actions(EVERY_READER, Choice(plan, ProgressRound(plan=plan))), {})
    return Year(choice, choice.rounds, plan_actions(EVERY_READER, choice), ratings_by_round(EVERY_READER, choice))
