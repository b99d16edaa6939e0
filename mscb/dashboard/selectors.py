"""The dashboard's reads: the plans and rounds to choose from, and each action's rating in every round up to the one
chosen, from which the tables count ratings per aim, objective and lead agency, movement, and the exceptions.

Ratings come from accepted progress only, as the committee paper's do (objectives.selectors.report): an action
counts under its latest accepted rating at a round's as-of date, which may be from an earlier round, and an action
with none counts as "No update". Every round's ratings come from one query, whatever the number of rounds.
"""

from dataclasses import dataclass
from functools import cached_property

from django.db.models import Exists, OuterRef, Prefetch

from core.rating import Rating, Scale
from objectives.models import Action, Agency, Aim, BusinessPlan, Objective, ProgressRound, ProgressUpdate

from .movement import Movement, movement

NO_LEAD_AGENCY = "No lead agency"
TOTAL = "Total"


@dataclass(frozen=True)
class Choice:
    """What the filters chose: a plan, one of its rounds, and a lead agency or None for all."""

    plan: BusinessPlan
    progress_round: ProgressRound
    agency: Agency | None = None

    @cached_property
    def rounds(self) -> list[ProgressRound]:
        """The plan's rounds up to the chosen one, oldest first (the plan's rounds are prefetched so)."""
        return [one for one in self.plan.rounds.all() if one.as_of <= self.progress_round.as_of]

    @property
    def previous_round(self) -> ProgressRound | None:
        return self.rounds[-2] if len(self.rounds) > 1 else None


def dashboard_plans() -> list[BusinessPlan]:
    """The plans that have a round, latest starting first, with their scales and rounds (oldest first): 3 queries."""
    has_round = Exists(ProgressRound.objects.filter(plan=OuterRef("pk")))
    rounds = Prefetch("rounds", queryset=ProgressRound.objects.order_by("as_of"))
    return list(BusinessPlan.objects.filter(has_round).with_scale().prefetch_related(rounds))


def dashboard_agencies() -> list[Agency]:
    return list(Agency.objects.all())


def default_choice(plans: list[BusinessPlan]) -> Choice | None:
    """The current plan (the latest starting one that has rounds) at its latest round; None without one."""
    if not plans:
        return None
    return Choice(plans[0], list(plans[0].rounds.all())[-1])


@dataclass(frozen=True)
class RatedAction:
    """An action with its rating as at the chosen round and the round before ("" for none, None for no update)."""

    action: Action
    now: str | None
    before: str | None
    movement: Movement


@dataclass(frozen=True)
class CountLine:
    """A row of a table of counts: an aim, an objective, an agency or the total, with a figure per column."""

    kind: str  # "aim", "objective", "agency" or "total"
    name: str
    counts: tuple[int, ...]
    total: int


def plan_actions(user, choice: Choice) -> list[Action]:
    """The plan's actions the user may see, in reference order, led by the chosen agency if any: 2 queries.

    The plan table's actions only (those under its objectives), as the committee paper's; the agency narrows them
    here, after the lead agencies came with them, so one query serves every agency.
    """
    actions = (
        Action.objects.visible_to(user)
        .filter(objective__aim__plan=choice.plan)
        .in_ref_order()
        .prefetch_related("lead_agencies")
    )
    if choice.agency is None:
        return list(actions)
    return [action for action in actions if choice.agency in action.lead_agencies.all()]


def ratings_by_round(user, choice: Choice) -> dict[int, dict[int, str]]:
    """Each round's (up to the chosen one) latest accepted rating of every action, by round and action id: 1 query.

    An action missing from a round's dict has no accepted update at that round's date.
    """
    rows = (
        ProgressUpdate.objects.visible_to(user)
        .accepted()
        .filter(round__in=[one.pk for one in choice.rounds])
        .values_list("round_id", "action_id", "rag")
    )
    by_round: dict[int, dict[int, str]] = {one.pk: {} for one in choice.rounds}
    for round_id, action_id, rag in rows:
        by_round[round_id][action_id] = rag
    # Carried forward: a round without an update from an action shows its latest earlier one, as the paper does.
    latest: dict[int, str] = {}
    for one in choice.rounds:
        latest.update(by_round[one.pk])
        by_round[one.pk] = dict(latest)
    return by_round


def rated_actions(actions: list[Action], scale: Scale, choice: Choice, ratings: dict) -> list[RatedAction]:
    now = ratings[choice.progress_round.pk]
    before = ratings[choice.previous_round.pk] if choice.previous_round else {}
    return [
        RatedAction(
            action,
            now.get(action.pk),
            before.get(action.pk),
            movement(scale, before.get(action.pk), now.get(action.pk)),
        )
        for action in actions
    ]


def rating_columns(scale: Scale, values) -> list[Rating]:
    """The ratings tables' columns: the scale's key ("No update" last), then any value the scale no longer has."""
    return [scale.rating(key) for key in scale.counted((value, 1) for value in values)]


def count_ratings(kind: str, name: str, scale: Scale, columns: list[Rating], values: list) -> CountLine:
    counts = scale.counted((value, 1) for value in values)
    return CountLine(kind, name, tuple(counts.get(column.key, 0) for column in columns), len(values))


def count_movements(kind: str, name: str, rated: list[RatedAction]) -> CountLine:
    moved = [one.movement for one in rated]
    return CountLine(kind, name, tuple(moved.count(one) for one in Movement), len(rated))


@dataclass(frozen=True)
class PlanTree:
    """The plan's aims and objectives (not hidden) in reference order: 2 queries."""

    aims: list[Aim]
    objectives: list[Objective]

    @classmethod
    def of(cls, plan: BusinessPlan) -> "PlanTree":
        aims = list(Aim.objects.not_hidden().filter(plan=plan).order_by("sort_key"))
        objectives = list(Objective.objects.not_hidden().filter(aim__plan=plan).in_ref_order())
        return cls(aims, objectives)


def grouped_lines(plan: BusinessPlan, tree: PlanTree, rated: list[RatedAction], count, *, skip_empty: bool):
    """Lines per aim, each followed by its objectives' (a tree plan; a two-level plan has aims only), then the total.

    `count(kind, name, rows)` makes a line of rows; with `skip_empty`, aims and objectives with no rows are left out.
    """
    by_objective: dict[int, list[RatedAction]] = {}
    for row in rated:
        by_objective.setdefault(row.action.objective_id, []).append(row)
    lines = []
    for aim in tree.aims if plan.has_aims else []:
        objectives = [objective for objective in tree.objectives if objective.aim_id == aim.pk]
        rows = [row for objective in objectives for row in by_objective.get(objective.pk, [])]
        if skip_empty and not rows:
            continue
        lines.append(count("aim", f"{plan.aim_name} {aim.number}: {aim.title}", rows))
        for objective in objectives if plan.has_objectives else []:
            mine = by_objective.get(objective.pk, [])
            if mine or not skip_empty:
                lines.append(count("objective", f"{plan.objective_name} {objective.ref}: {objective.title}", mine))
    lines.append(count("total", TOTAL, rated))
    return lines


def agency_lines(rated: list[RatedAction], choice: Choice, count) -> list[CountLine]:
    """A line per lead agency of these actions (an action led by two counts under each), then the total.

    With an agency chosen, that agency's line alone; actions led by no agency get a line of their own.
    """
    by_agency: dict[str, list[RatedAction]] = {}
    for row in rated:
        agencies = [choice.agency] if choice.agency else list(row.action.lead_agencies.all())
        for agency in agencies or [None]:
            by_agency.setdefault(agency.name if agency else NO_LEAD_AGENCY, []).append(row)
    names = sorted(by_agency, key=lambda name: (name == NO_LEAD_AGENCY, name.casefold()))
    return [count("agency", name, by_agency[name]) for name in names] + [count("total", TOTAL, rated)]
