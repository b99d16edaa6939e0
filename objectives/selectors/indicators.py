"""Reading indicators: their values up to a date, the latest one's rating on the plan's scale, and which way it moved.

Nothing after the date counts, so a paper as of September never shows December's figure.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import FilteredRelation, Q

from core import rating

from ..models import BusinessPlan, Indicator, IndicatorValue


class Direction:
    """Which way the latest value moved from the one before it, judged by the indicator's better direction."""

    IMPROVING = "improving"
    WORSENING = "worsening"
    NO_CHANGE = "no change"
    # Only one value so far: nothing to compare it with.
    FIRST = ""


@dataclass(frozen=True)
class Reading:
    """An indicator as it stood on a date: its values up to then (oldest first) and what they say."""

    indicator: Indicator
    values: tuple[IndicatorValue, ...]
    scale: rating.Scale

    @property
    def latest(self) -> IndicatorValue | None:
        return self.values[-1] if self.values else None

    @property
    def rating(self) -> rating.Rating | None:
        return rating_of(self.indicator, self.latest.value if self.latest else None, self.scale)

    @property
    def direction(self) -> str:
        return direction_of(self.indicator, self.values)

    @property
    def target(self) -> Decimal | None:
        """The latest period's own target, else the indicator's."""
        if self.latest and self.latest.target is not None:
            return self.latest.target
        return self.indicator.target

    @property
    def trend_words(self) -> str:
        """ "199 (2010) → 409 (2011) → 413 (to September 2012)"."""
        return " → ".join(f"{number_text(value.value, self.indicator)} ({value.period_text})" for value in self.values)


def rating_of(indicator: Indicator, value: Decimal | None, scale: rating.Scale) -> rating.Rating | None:
    """The best level whose threshold `value` reaches in the better direction; None short of all, or with no scale."""
    if value is None or scale.is_none:
        return None
    reached = [
        (Decimal(str(mark)), code)
        for code, mark in indicator.thresholds.items()
        if scale.has(code) and indicator.reaches(value, Decimal(str(mark)))
    ]
    if not reached:
        return None
    most_demanding = max if indicator.better == Indicator.Better.HIGHER else min
    return scale.rating(most_demanding(reached, key=lambda pair: pair[0])[1])


def direction_of(indicator: Indicator, values) -> str:
    """Improving, worsening or no change from the value before the latest; "" with fewer than two values."""
    if len(values) < 2:
        return Direction.FIRST
    before, latest = values[-2].value, values[-1].value
    if latest == before:
        return Direction.NO_CHANGE
    return Direction.IMPROVING if indicator.reaches(latest, before) else Direction.WORSENING


def number_text(value: Decimal | None, indicator: Indicator) -> str:
    """A value as the paper prints it: "1,204", "17.5%", "45.2"; a rate's "per" is said once, beside its name."""
    if value is None:
        return ""
    text = format(value.normalize() + 0, ",f")
    return f"{text}%" if indicator.unit == Indicator.Unit.PERCENTAGE else text


def values_up_to(indicator_ids, as_of: date) -> dict[int, list[IndicatorValue]]:
    """Each indicator's values up to `as_of`, oldest first, in one query."""
    found = defaultdict(list)
    for value in IndicatorValue.objects.filter(indicator_id__in=indicator_ids, period_end__lte=as_of).order_by(
        "indicator_id", "period_end"
    ):
        found[value.indicator_id].append(value)
    return found


def readings(indicators, as_of: date, scale: rating.Scale) -> list[Reading]:
    """A reading of each of `indicators` (a list) as of `as_of`, in one query for all their values."""
    found = values_up_to([indicator.pk for indicator in indicators], as_of)
    return [Reading(indicator, tuple(found.get(indicator.pk, ())), scale) for indicator in indicators]


_INDICATOR_FIELDS = ("pk", "plan_id", "name", "unit", "rate_per", "better", "target", "thresholds")
_VALUE_FIELDS = ("period_end", "period", "value", "target")


def readings_by_objective(plan: BusinessPlan, as_of: date) -> dict[int, list[Reading]]:
    """The readings of the plan's indicators under each objective they belong to, by name, in one query.

    Indicators, their objectives and their values up to `as_of` come joined in one row set, so the paper costs one
    query however many indicators and values there are. Indicators of the plan as a whole are not listed here.
    """
    rows = (
        Indicator.objects.filter(plan_id=plan.pk, objectives__isnull=False)
        .annotate(shown=FilteredRelation("values", condition=Q(values__period_end__lte=as_of)))
        .values(*_INDICATOR_FIELDS, "objectives__pk", *(f"shown__{name}" for name in _VALUE_FIELDS))
        .order_by("name", "pk", "objectives__pk", "shown__period_end")
    )
    indicators, objective_ids, values = {}, defaultdict(list), defaultdict(dict)
    for row in rows:
        pk = row["pk"]
        if pk not in indicators:
            indicators[pk] = Indicator(**{name: row[name] for name in _INDICATOR_FIELDS})
        if row["objectives__pk"] not in objective_ids[pk]:
            objective_ids[pk].append(row["objectives__pk"])
        if row["shown__period_end"] is not None:
            fields = {name: row[f"shown__{name}"] for name in _VALUE_FIELDS}
            values[pk][fields["period_end"]] = IndicatorValue(indicator_id=pk, **fields)
    by_objective = defaultdict(list)
    for pk, indicator in indicators.items():
        reading = Reading(indicator, tuple(values[pk].values()), plan.scale)
        for objective_id in objective_ids[pk]:
            by_objective[objective_id].append(reading)
    return by_objective
