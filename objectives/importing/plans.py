"""The business plan an import goes into: found by its title, or made from it."""

import re
from datetime import date

from django.core.exceptions import ValidationError

from objectives.models import BusinessPlan

# "2025/26", "2025-26" or "2025/2026": the financial year from 1 April to 31 March.
_FINANCIAL_YEAR = re.compile(r"(\d{4})\s*[/-]\s*(\d{2}|\d{4})")


class PlanProblem(Exception):
    """The plan cannot be found or made; the message says what to give instead."""


def financial_year(title: str) -> tuple[date, date] | None:
    """1 April to 31 March of the years a title such as "2025/26" names, if it names them."""
    match = _FINANCIAL_YEAR.fullmatch(title.strip())
    if not match:
        return None
    start_year = int(match[1])
    end_year = int(match[2])
    if end_year % 10 ** len(match[2]) != (start_year + 1) % 10 ** len(match[2]):
        return None
    return date(start_year, 4, 1), date(start_year + 1, 3, 31)


def find_or_build_plan(title: str, *, starts_on: date | None = None, ends_on: date | None = None) -> BusinessPlan:
    """The plan with this title, or a new unsaved one; the dates are used only for a new plan."""
    title = title.strip()
    plan = BusinessPlan.objects.filter(title=title).first()
    if plan is not None:
        return plan
    years = financial_year(title)
    starts_on = starts_on or (years and years[0])
    ends_on = ends_on or (years and years[1])
    if not (starts_on and ends_on):
        raise PlanProblem(
            f"There is no business plan “{title}”, and its title does not name a financial year such as 2025/26; "
            "give its dates with --starts and --ends to create it."
        )
    plan = BusinessPlan(title=title, starts_on=starts_on, ends_on=ends_on)
    try:
        plan.full_clean()
    except ValidationError as error:
        raise PlanProblem(f"Business plan “{title}” cannot be created: {' '.join(error.messages)}") from None
    return plan
