"""Reading an indicator file's cells: columns plan, objective, indicator, unit, period_end, value, target (and an
optional period: month, quarter, year or part-year, quarter when left out)."""

from decimal import Decimal, InvalidOperation

from objectives.dates import last_day_of_month
from objectives.models import Indicator, IndicatorValue

from .cells import CellError, quoted, read_date, read_ref, read_text

INDICATOR_COLUMNS = ("plan", "objective", "indicator", "unit", "period_end", "value", "target", "period")
REQUIRED_COLUMNS = ("plan", "indicator", "unit", "period_end", "value")
REQUIRED_CELLS = {
    "plan": "its plan's title, such as 2025/26",
    "indicator": "the indicator's name",
    "unit": "its unit: number, percentage, or rate per something",
    "period_end": "the last day of the period, such as 2025-06-30",
    "value": "the value for the period",
}
COLUMNS_ARE = "The columns are plan, objective, indicator, unit, period_end, value and target (and period, if needed)."


def read_unit(value) -> tuple[str, str]:
    """ "number", "percentage" (or "%"), or "rate per 10,000 children": the unit and what a rate is per."""
    text = " ".join(read_text(value).split())
    lowered = text.casefold()
    if lowered in ("number", "count"):
        return Indicator.Unit.NUMBER, ""
    if lowered in ("percentage", "percent", "%"):
        return Indicator.Unit.PERCENTAGE, ""
    if lowered.startswith("rate per ") and text[9:].strip():
        return Indicator.Unit.RATE, text[9:].strip()
    raise CellError(f"{quoted(text)} is not a unit; write number, percentage, or rate per 10,000 children.")


def read_number(value) -> Decimal:
    text = read_text(value).replace(",", "").removesuffix("%").strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise CellError(f"{quoted(value)} is not a number; write it with digits, such as 413 or 17.5.")
    return number


def read_period_end(value):
    """The period's last day; a month alone ("2012-09", "September 2012") is its last day."""
    day, month_only = read_date(value)
    return last_day_of_month(day.year, day.month) if month_only else day


def read_period(value) -> str:
    wanted = "-".join(read_text(value).casefold().replace("_", " ").split())
    for period in IndicatorValue.Period:
        if wanted in (period.value, "-".join(period.label.casefold().split())):
            return period.value
    raise CellError(f"{quoted(value)} is not a period; write month, quarter, year or part-year.")


READERS = {
    "plan": read_text,
    "objective": read_ref,
    "indicator": read_text,
    "unit": read_unit,
    "period_end": read_period_end,
    "value": read_number,
    "target": read_number,
    "period": read_period,
}
