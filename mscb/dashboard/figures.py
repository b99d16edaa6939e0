"""Everything the dashboard shows for one choice of plan, round and agency, gathered in a fixed number of queries."""

from dataclasses import dataclass

from core.rating import Rating, Scale

from .exceptions import Flagged, exceptions
from .movement import Movement
from .panels import trend_panels
from .selectors import (
    Choice,
    CountLine,
    PlanTree,
    agency_lines,
    count_movements,
    count_ratings,
    grouped_lines,
    plan_actions,
    rated_actions,
    rating_columns,
    ratings_by_round,
)
from .trends import TrendInputs, TrendPanel


@dataclass(frozen=True)
class Dashboard:
    choice: Choice
    scale: Scale
    action_count: int
    columns: list[Rating]  # the ratings tables' columns; none for a plan that rates nothing
    rating_lines: list[CountLine]  # per aim and objective, as the plan's shape has them, then the total
    agency_lines: list[CountLine]
    movements: tuple[str, ...]  # the movement table's column headings
    movement_lines: list[CountLine]  # per aim, then the total; empty for a plan's first round
    flagged: list[Flagged]
    panels: list[TrendPanel]


def build_dashboard(user, choice: Choice) -> Dashboard:
    """The figures for `choice`: 5 queries (aims, objectives, actions, their lead agencies, every round's ratings),
    and 2 for the indicators' panels (the plan's indicators, all their values)."""
    scale = choice.plan.scale
    actions = plan_actions(user, choice)
    ratings = ratings_by_round(user, choice)
    rated = rated_actions(actions, scale, choice, ratings)
    tree = PlanTree.of(choice.plan)
    columns = rating_columns(scale, [row.now for row in rated])

    def ratings_line(kind, name, rows):
        return count_ratings(kind, name, scale, columns, [row.now for row in rows])

    narrowed = choice.agency is not None
    has_movement = choice.previous_round is not None and not scale.is_none
    return Dashboard(
        choice=choice,
        scale=scale,
        action_count=len(actions),
        columns=columns,
        rating_lines=grouped_lines(choice.plan, tree, rated, ratings_line, skip_empty=narrowed),
        agency_lines=agency_lines(rated, choice, ratings_line),
        movements=tuple(Movement.labels),
        movement_lines=_movement_lines(choice, tree, rated, narrowed) if has_movement else [],
        flagged=exceptions(rated, scale, choice),
        panels=trend_panels(TrendInputs(user, choice, scale, actions, ratings)),
    )


def _movement_lines(choice: Choice, tree: PlanTree, rated, narrowed: bool) -> list[CountLine]:
    """Movement per aim (never per objective: the ratings table has those), then the total."""
    lines = grouped_lines(choice.plan, tree, rated, count_movements, skip_empty=narrowed)
    return [line for line in lines if line.kind != "objective"]
