"""Importing indicator values from a spreadsheet: check every row first (writing nothing), then apply all or none.

An indicator is matched by its plan and name, a value by its indicator and period end. Importing the same file
again changes nothing; a value the file changes is updated, and the preview says from what to what.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import transaction

from core.formats import long_date, plural
from objectives.models import BusinessPlan, Indicator, IndicatorValue, Objective

from .changes import RowError
from .indicator_rows import COLUMNS_ARE, INDICATOR_COLUMNS, READERS, REQUIRED_CELLS, REQUIRED_COLUMNS
from .readers import SheetRow
from .rows import read_cells, read_sheet_header


@dataclass
class ValueChange:
    value: IndicatorValue  # unsaved for a new value; with the file's figures for a changed one
    row: int
    was: Decimal | None = None  # the stored value a changed one replaces
    was_target: Decimal | None = None

    @property
    def description(self) -> str:
        value = self.value
        words = f"{value.indicator.name}, {value.period_text}: "
        if self.was is None:
            return words + f"{_plain(value.value)} (new)"
        return words + f"{_plain(self.was)} → {_plain(value.value)}"


def _plain(number) -> str:
    return "none" if number is None else format(Decimal(number).normalize() + 0, "f")


@dataclass
class IndicatorChanges:
    new_indicators: list[Indicator] = field(default_factory=list)
    # (indicator, objective) to link, the indicator new or existing.
    links: list[tuple[Indicator, Objective]] = field(default_factory=list)
    values: list[ValueChange] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def new_values(self) -> list[ValueChange]:
        return [change for change in self.values if change.was is None]

    @property
    def changed_values(self) -> list[ValueChange]:
        return [change for change in self.values if change.was is not None]

    @property
    def plan_ids(self) -> set[int]:
        """The plans the changes are in."""
        indicators = [*self.new_indicators, *(indicator for indicator, _ in self.links)]
        return {indicator.plan_id for indicator in indicators} | {
            change.value.indicator.plan_id for change in self.values
        }

    @property
    def has_changes(self) -> bool:
        return bool(self.new_indicators or self.links or self.values)

    @property
    def can_apply(self) -> bool:
        return not self.errors and self.has_changes

    @property
    def summary(self) -> str:
        return ", ".join(
            (
                plural(len(self.new_indicators), "new indicator"),
                plural(len(self.links), "link to an objective", "links to objectives"),
                plural(len(self.new_values), "new value"),
                plural(len(self.changed_values), "changed value"),
            )
        )


def check_indicator_rows(rows: list[SheetRow]) -> IndicatorChanges:
    """What importing these rows would change, and every problem by row and column; writes nothing."""
    positions, body, errors = read_sheet_header(
        rows, columns=INDICATOR_COLUMNS, required=REQUIRED_COLUMNS, of="an indicator file", columns_are=COLUMNS_ARE
    )
    changes = IndicatorChanges(errors=errors)
    if errors:
        return changes
    read = []
    for sheet_row in body:
        values, problems = read_cells(sheet_row, positions, READERS, REQUIRED_CELLS)
        changes.errors += problems
        if not problems:
            read.append((sheet_row.number, values))
    _Matcher(read, changes).match()
    return changes


class _Matcher:
    """Matches read rows to plans, objectives, indicators and values, in four queries whatever the file's length."""

    def __init__(self, read: list[tuple[int, dict]], changes: IndicatorChanges):
        self.read, self.changes = read, changes
        titles = {values["plan"] for _, values in read}
        self.plans = {plan.title: plan for plan in BusinessPlan.objects.with_scale().filter(title__in=titles)}
        self.objectives: dict[tuple[int, str], list[Objective]] = {}
        for objective in Objective.objects.not_hidden().filter(plan__in=self.plans.values()):
            self.objectives.setdefault((objective.plan_id, objective.ref), []).append(objective)
        self.indicators = {
            (indicator.plan_id, indicator.name): indicator
            for indicator in Indicator.objects.filter(plan__in=self.plans.values()).prefetch_related("objectives")
        }
        self.stored = {
            (value.indicator_id, value.period_end): value
            for value in IndicatorValue.objects.filter(indicator__in=self.indicators.values())
        }
        self.seen: dict[tuple, int] = {}

    def match(self) -> None:
        for number, values in self.read:
            plan = self.plans.get(values["plan"])
            if plan is None:
                self._error(number, "plan", f"“{values['plan']}” is not a plan here; write a plan's title exactly.")
                continue
            objective = self._objective(number, plan, values.get("objective"))
            indicator = self._indicator(number, plan, values)
            if indicator is None or objective is False:
                continue
            if objective is not None and objective not in indicator.objectives_now:
                indicator.objectives_now.append(objective)
                self.changes.links.append((indicator, objective))
            self._value(number, indicator, values)

    def _error(self, number: int, column: str, message: str) -> None:
        self.changes.errors.append(RowError(number, column, message))

    def _objective(self, number: int, plan: BusinessPlan, ref: str | None):
        """The objective the row names (None for the plan as a whole), or False after reporting why there is none."""
        if ref is None:
            return None
        found = self.objectives.get((plan.pk, ref), [])
        if len(found) == 1:
            return found[0]
        why = "is not" if not found else "names more than one"
        self._error(number, "objective", f"“{ref}” {why} {plan.objective_name.lower()} of plan {plan.title}.")
        return False

    def _indicator(self, number: int, plan: BusinessPlan, values: dict) -> Indicator | None:
        unit, per = values["unit"]
        indicator = self.indicators.get((plan.pk, values["indicator"]))
        if indicator is None:
            indicator = Indicator(plan=plan, name=values["indicator"], unit=unit, rate_per=per)
            indicator.objectives_now = []
            self.indicators[(plan.pk, indicator.name)] = indicator
            self.changes.new_indicators.append(indicator)
        elif not hasattr(indicator, "objectives_now"):
            indicator.objectives_now = list(indicator.objectives.all())
        if (indicator.unit, indicator.rate_per) != (unit, per):
            self._error(number, "unit", f"“{indicator.name}” is measured as a {indicator.unit_words}, not as this.")
            return None
        return indicator

    def _value(self, number: int, indicator: Indicator, values: dict) -> None:
        period_end: date = values["period_end"]
        key = (indicator.plan_id, indicator.name, period_end)
        if key in self.seen:
            message = f"repeats row {self.seen[key]}: one value per indicator and {long_date(period_end)}."
            self._error(number, "period_end", message)
            return
        self.seen[key] = number
        period = values.get("period", IndicatorValue.Period.QUARTER)
        figures = {"value": values["value"], "target": values.get("target"), "period": period}
        stored = self.stored.get((indicator.pk, period_end)) if indicator.pk else None
        if stored is None:
            value = IndicatorValue(indicator=indicator, period_end=period_end, **figures)
            self.changes.values.append(ValueChange(value, number))
            return
        if (stored.value, stored.target, stored.period) == tuple(figures.values()):
            return
        was, was_target = stored.value, stored.target
        for name, figure in figures.items():
            setattr(stored, name, figure)
        self.changes.values.append(ValueChange(stored, number, was=was, was_target=was_target))


@transaction.atomic
def apply_indicator_changes(changes: IndicatorChanges, *, entered_by=None, reason: str = "") -> None:
    """Save a checked import, all or nothing; history records each change with `reason`."""
    for indicator in changes.new_indicators:
        indicator.full_clean()
        _save(indicator, reason)
    for indicator, objective in changes.links:
        indicator.objectives.add(objective)
    for change in changes.values:
        value = change.value
        value.indicator = value.indicator  # the new indicator's id, now it has one
        value.entered_by = entered_by
        if value.pk:
            value.version += 1
        value.full_clean()
        _save(value, reason)


def _save(instance, reason: str) -> None:
    if reason:
        instance._change_reason = reason[:100]
    instance.save()
