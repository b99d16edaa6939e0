"""The result of checking a file: the objects to create or update, and every problem found."""

from dataclasses import dataclass, field

from django.db import models

from objectives.models import Action, Agency, Aim, BusinessPlan, Objective, ProgressRound, ProgressUpdate
from objectives.models.shapes import plural


def summary_order(plan: BusinessPlan) -> list[tuple[type[models.Model], str]]:
    """The kinds of object an import makes, parents first, in the plan's own words; not the implicit levels."""
    kinds = [(Agency, "Agencies")]
    if plan.has_aims:
        kinds.append((Aim, plural(plan.aim_name)))
    if plan.has_objectives:
        kinds.append((Objective, plural(plan.objective_name)))
    return [
        *kinds,
        (Action, plural(plan.action_name)),
        (ProgressRound, "Progress rounds"),
        (ProgressUpdate, "Progress updates"),
    ]


def action_name(plan: BusinessPlan, aim: str, objective: str, ref: str) -> str:
    """An action as the plan's users know it: "Recommendation 3", "Action 2 of Priority 1a", "Action 1.1.1"."""
    if not plan.has_aims:
        return f"{plan.action_name} {ref}"
    if not plan.has_objectives:
        return f"{plan.action_name} {ref} of {plan.aim_name} {aim}"
    if ref.startswith(f"{objective}."):
        # 1.1.1 already says where it is.
        return f"{plan.action_name} {ref}"
    return f"{plan.action_name} {ref} of {plan.objective_name} {objective}"


@dataclass(frozen=True)
class RowError:
    """A problem in one cell: the spreadsheet row (the header is row 1), the column, and why.

    `place` says where a row read from a Word table is ("table 3, row 5"); a spreadsheet's row needs none.
    """

    row: int
    column: str
    message: str
    place: str = ""

    @property
    def where(self) -> str:
        """Where the problem is: "Row 5", or "Table 3, row 5" for a Word table's row."""
        place = self.place or f"row {self.row}"
        return place[0].upper() + place[1:]

    def __str__(self):
        return f"{self.where}, {self.column}: {self.message}"


@dataclass
class Change:
    """One object to create or update, with the row that asked for it."""

    instance: models.Model
    row: int | None
    created: bool
    fields: list[str] = field(default_factory=list)
    # Many-to-many values to set once the instance is saved, such as an action's lead agencies.
    related: dict[str, list[models.Model]] = field(default_factory=dict)
    # An implicit aim or objective of a list or two-level plan: saved, never counted or shown.
    implicit: bool = False


@dataclass
class PlanChanges:
    plan: BusinessPlan
    changes: list[Change] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    def of(self, model: type[models.Model]) -> list[Change]:
        return [change for change in self.changes if type(change.instance) is model and not change.implicit]

    def counts(self, model: type[models.Model]) -> tuple[int, int]:
        """How many objects of this model would be created, and how many updated."""
        created = sum(change.created for change in self.of(model))
        return created, len(self.of(model)) - created

    @property
    def plan_is_new(self) -> bool:
        return bool(self.of(BusinessPlan))

    @property
    def has_changes(self) -> bool:
        return bool(self.changes)

    @property
    def can_apply(self) -> bool:
        return not self.errors and self.has_changes

    def summary(self) -> list[tuple[str, int, int]]:
        """Each kind of object, in the order a plan is built, with how many would be created and updated."""
        return [(label, *self.counts(model)) for model, label in summary_order(self.plan)]
