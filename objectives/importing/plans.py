"""The business plan an import goes into: found by its title, or made from it."""

from datetime import date

from django.core.exceptions import ValidationError

from core.formats import financial_year_named
from objectives.models import BusinessPlan


class PlanProblem(Exception):
    """The plan cannot be found or made; the message says what to give instead."""


def find_or_build_plan(title: str, *, starts_on: date | None = None, ends_on: date | None = None) -> BusinessPlan:
    """The plan with this title, or a new unsaved one; the dates are used only for a new plan."""
    title = title.strip()
    plan = BusinessPlan.objects.filter(title=title).first()
    if plan is not None:
        return plan
    years = financial_year_named(title)
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
