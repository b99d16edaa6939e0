"""A trend panel per performance indicator of the chosen plan: its values up to the chosen round's as-of date
against its target, in a line chart, a table and a sentence. With a lead agency chosen, that agency's indicators."""

from django.utils.text import slugify

from core.charts import LinePoint, line_chart
from core.formats import month_year
from objectives.models import Indicator
from objectives.selectors.indicators import Direction, Reading, number_text, readings

from .trends import TrendInputs, TrendPanel


def indicator_panels(inputs: TrendInputs) -> list[TrendPanel]:
    """2 queries: the plan's indicators, then all their values up to the as-of date."""
    choice = inputs.choice
    indicators = Indicator.objects.visible_to(inputs.user).filter(plan=choice.plan).order_by("name", "pk")
    if choice.agency is not None:
        indicators = indicators.filter(owner=choice.agency)
    return [_panel(reading) for reading in readings(list(indicators), choice.progress_round.as_of, inputs.scale)]


def _panel(reading: Reading) -> TrendPanel:
    indicator = reading.indicator
    title = f"{indicator.name} ({indicator.per_words})" if indicator.per_words else indicator.name
    points = [
        LinePoint(month_year(one.period_end), float(one.value), number_text(one.value, indicator))
        for one in reading.values
    ]
    target = reading.target
    target_text = f"Target {number_text(target, indicator)}" if target is not None else ""
    panel_id = f"indicator-{indicator.pk}-{slugify(indicator.name)[:40]}"
    return TrendPanel(
        panel_id=panel_id,
        heading=title,
        summary=summary(reading, title),
        chart=line_chart(
            chart_id=f"chart-{panel_id}",
            title=f"{title}, period by period",
            description="A point per period joined by a line; the target is the dashed line. The figures are in the "
            "table beside the chart.",
            points=points,
            target=float(target) if target is not None else None,
            target_text=target_text,
        ),
        caption=f"{title}: values by period",
        row_heading="Period",
        columns=("Value", "Target"),
        rows=tuple(
            (value.period_text, (number_text(value.value, indicator), _period_target(value, indicator)))
            for value in reading.values
        ),
        note=f"{indicator.get_better_display()}.",
    )


def _period_target(value, indicator: Indicator) -> str:
    chosen = value.target if value.target is not None else indicator.target
    return number_text(chosen, indicator) or "None set"


def summary(reading: Reading, title: str) -> str:
    """ "Re-referrals: 17.5% in the quarter to June 2026, improving; the target is 15%." """
    latest = reading.latest
    if latest is None:
        return f"{title}: no value up to this round's date yet."
    indicator = reading.indicator
    sentence = f"{title}: {number_text(latest.value, indicator)} ({latest.period_text})"
    if reading.direction != Direction.FIRST:
        sentence += f", {reading.direction}"
    target = reading.target
    sentence += f"; the target is {number_text(target, indicator)}." if target is not None else "; no target set."
    return sentence
