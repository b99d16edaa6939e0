"""The demo board's performance indicators: a year and a quarter of quarterly values for five figures the
committee follows, attached to the plan's objectives and dated by the quarters that ended before the demo's day.
Every figure is invented."""

from datetime import date
from decimal import Decimal

from objectives.dates import add_months, last_day_of_month
from objectives.models import Agency, BusinessPlan, Indicator, IndicatorValue, Objective

HIGHER, LOWER = Indicator.Better.HIGHER, Indicator.Better.LOWER

# name, objective, unit, per, better, owner (short name), target, thresholds, values oldest first (one a quarter)
INDICATORS = [
    (
        "Early help assessments started by partners",
        "1.1",
        Indicator.Unit.NUMBER,
        "",
        HIGHER,
        "Children's Services",
        "130",
        {"green": "120", "amber": "100", "red": "0"},
        ("96", "104", "118", "125", "131"),
    ),
    (
        "Re-referrals to children's social care within 12 months",
        "1.1",
        Indicator.Unit.PERCENTAGE,
        "",
        LOWER,
        "Children's Services",
        "18",
        {"green": "18", "amber": "22", "red": "100"},
        ("24", "22", "21.5", "19", "17.4"),
    ),
    (
        "Children subject to a child protection plan",
        "2.3",
        Indicator.Unit.RATE,
        "10,000 children",
        LOWER,
        "Children's Services",
        "42",
        {"green": "42", "amber": "46", "red": "1000"},
        ("48.1", "46.5", "47.2", "44.9", "43.6"),
    ),
    (
        "Domestic abuse notifications with children present shared with schools by the next school day",
        "2.1",
        Indicator.Unit.PERCENTAGE,
        "",
        HIGHER,
        "Police",
        "90",
        {"green": "90", "amber": "75", "red": "0"},
        ("61", "64", "70", "68", "79"),
    ),
    (
        "Partner staff attending multi-agency safeguarding training",
        "3.1",
        Indicator.Unit.NUMBER,
        "",
        HIGHER,
        None,
        "180",
        {"green": "180", "amber": "150", "red": "0"},
        ("142", "168", "155", "190", "212"),
    ),
]


def quarter_ends(today: date, count: int) -> list[date]:
    """The last `count` quarter ends (31 March, 30 June, 30 September, 31 December) before `today`, oldest first."""
    month = today.month - (today.month % 3)
    latest = last_day_of_month(today.year, month) if month else date(today.year - 1, 12, 31)
    if latest >= today:
        latest = _month_end(add_months(latest, -3))
    return [_month_end(add_months(latest, -3 * back)) for back in reversed(range(count))]


def _month_end(day: date) -> date:
    return last_day_of_month(day.year, day.month)


def load_indicators(loader, business_plan: BusinessPlan) -> None:
    """Create whichever indicators and values are missing; each value entered by the board manager."""
    quarters = quarter_ends(loader.calendar.today, 5)
    objectives = {objective.ref: objective for objective in Objective.objects.filter(plan=business_plan)}
    agencies = {agency.short_name: agency for agency in Agency.objects.all()}
    for name, ref, unit, per, better, owner, target, thresholds, values in INDICATORS:
        fields = {
            "unit": unit,
            "rate_per": per,
            "better": better,
            "owner": agencies.get(owner),
            "target": Decimal(target),
            "thresholds": thresholds,
        }
        indicator, is_new = loader.ensure(Indicator, {"plan": business_plan, "name": name}, fields)
        if is_new:
            indicator.objectives.set([objectives[ref]])
        for period_end, value in zip(quarters, values, strict=True):
            lookup = {"indicator": indicator, "period_end": period_end}
            figures = {"value": Decimal(value), "period": IndicatorValue.Period.QUARTER, "entered_by": loader.manager}
            loader.ensure(IndicatorValue, lookup, figures)
