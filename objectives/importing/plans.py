"""The business plan an import goes into: found by its title, or made from it with the scale and shape asked for."""

from datetime import date

from django.core.exceptions import ValidationError

from core.formats import financial_year_named, in_words
from core.models import RatingScale
from objectives.models import LEVEL_NAMES, BusinessPlan, PlanShape


class PlanProblem(Exception):
    """The plan cannot be found or made; the message says what to give instead."""


def find_or_build_plan(
    title: str,
    *,
    starts_on: date | None = None,
    ends_on: date | None = None,
    scale: str = "",
    shape: str = "",
) -> BusinessPlan:
    """The plan with this title, or a new unsaved one; the dates, scale and shape are used only for a new plan.

    Given for an existing plan, a scale or shape must be the plan's own: an import never changes them.
    """
    title = title.strip()
    plan = BusinessPlan.objects.with_scale().filter(title=title).first()
    rating_scale = _scale_named(scale) if scale else None
    if shape and shape not in PlanShape.values:
        raise PlanProblem(f"“{shape}” is not a plan shape; choose {in_words(PlanShape.values, 'or')}.")
    if plan is not None:
        _check_matches(plan, rating_scale, shape)
        return plan
    years = financial_year_named(title)
    starts_on = starts_on or (years and years[0])
    ends_on = ends_on or (years and years[1])
    if not (starts_on and ends_on):
        raise PlanProblem(
            f"There is no business plan “{title}”, and its title does not name a financial year such as 2025/26; "
            "give its dates with --starts and --ends to create it."
        )
    return _new_plan(title, starts_on, ends_on, rating_scale, shape or PlanShape.TREE)


def _new_plan(title, starts_on, ends_on, rating_scale, shape) -> BusinessPlan:
    aim_name, objective_name, action_name = LEVEL_NAMES[shape]
    plan = BusinessPlan(
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
        shape=shape,
        aim_name=aim_name,
        objective_name=objective_name,
        action_name=action_name,
    )
    if rating_scale is not None:
        plan.rating_scale = rating_scale
    try:
        plan.full_clean()
    except ValidationError as error:
        raise PlanProblem(f"Business plan “{title}” cannot be created: {' '.join(error.messages)}") from None
    return plan


def _check_matches(plan: BusinessPlan, rating_scale: RatingScale | None, shape: str) -> None:
    """An existing plan keeps its scale and shape; asking for others is a mistake worth stopping for."""
    if shape and shape != plan.shape:
        raise PlanProblem(
            f"{plan} is already “{plan.shape}” ({plan.get_shape_display().lower()}), not “{shape}”; "
            "an import does not change a plan's shape. Leave out --shape, or import into a new plan."
        )
    if rating_scale is not None and rating_scale.pk != plan.rating_scale_id:
        raise PlanProblem(
            f"{plan} is rated on “{plan.rating_scale.name}”, not “{rating_scale.name}”; "
            "an import does not change a plan's scale. Leave out --scale, or change the scale on the plan's page."
        )


def _scale_named(name: str) -> RatingScale:
    scale = RatingScale.objects.filter(name=name.strip()).first()
    if scale is None:
        names = list(RatingScale.objects.order_by("name").values_list("name", flat=True))
        raise PlanProblem(f"There is no rating scale “{name}”; the scales are {in_words(names, 'or')}.")
    return scale
