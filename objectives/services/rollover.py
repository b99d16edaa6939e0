"""Starting next year's plan from this one: its aims and objectives, and the open actions the board carries over.

Nothing of the source changes. Each carried action keeps its reference (renumbering is left to editing), its
targets and slippage, and links to the action it continues, so its history stays readable from the new plan.
No progress round is copied: the new plan's rounds are opened by the board manager when they fall due.
"""

from datetime import date, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from core.formats import long_date

from .. import carry_over
from ..models import Action, Aim, BusinessPlan, Objective

# A board may start its new plan a little before the old one formally ends, but not most of a year before.
MOST_OVERLAP = timedelta(days=92)

# What a carried action keeps of the one it continues, beside its place in the plan and its lead agencies.
CARRIED_FIELDS = (
    "ref",
    "text",
    "responsibility",
    "lead_officer",
    "target_on",
    "target_is_month",
    "timescale",
    "original_target_on",
    "original_target_is_month",
    "times_slipped",
    "success_measure",
)
# The plan's shape and how it is named, rated and printed.
PLAN_FIELDS = (
    "shape",
    "rating_scale_id",
    "aim_name",
    "objective_name",
    "action_name",
    "report_columns",
    "progress_heading",
)


def open_actions(source: BusinessPlan):
    """The source's actions that can be carried over: open and showing, in plan order (review and CDOP last)."""
    return (
        Action.objects.not_hidden()
        .filter(plan=source, status=Action.Status.OPEN)
        .select_related("objective__aim")
        .order_by(F("objective__aim__sort_key").asc(nulls_last=True), "objective__sort_key", "sort_key", "pk")
    )


def actions_to_carry(
    *, source: BusinessPlan, title: str, starts_on: date, ends_on: date, action_ids=None
) -> list[Action]:
    """What roll_over_plan() would carry, after the same checks, writing nothing: the dry run."""
    _check_new_plan(source, title, starts_on, ends_on)
    actions = list(open_actions(source).prefetch_related("lead_agencies"))
    if not actions:
        raise ValidationError(f"{source} has no open actions to carry over.")
    if action_ids is None:
        return actions
    chosen = {int(pk) for pk in action_ids}
    if not chosen:
        raise ValidationError("Choose at least one action to carry over.")
    if not chosen <= {action.pk for action in actions}:
        raise ValidationError(f"Only the open actions of {source} can be carried over.")
    return [action for action in actions if action.pk in chosen]


@transaction.atomic
def roll_over_plan(
    *,
    source: BusinessPlan,
    title: str,
    starts_on: date,
    ends_on: date,
    action_ids=None,
    by: AbstractBaseUser,
) -> BusinessPlan:
    """Create next year's plan from `source`: its aims and objectives and the chosen open actions (all by default)."""
    title = title.strip()
    actions = actions_to_carry(source=source, title=title, starts_on=starts_on, ends_on=ends_on, action_ids=action_ids)
    plan = BusinessPlan(title=title, starts_on=starts_on, ends_on=ends_on)
    for field in PLAN_FIELDS:
        setattr(plan, field, getattr(source, field))
    _save(plan, by)
    objectives = _copy_structure(source, plan, by)
    for old in actions:
        new = Action(plan=plan, objective=objectives.get(old.objective_id), carried_from=old)
        new.chain_start_id = old.chain_start_id or old.pk
        for field in CARRIED_FIELDS:
            setattr(new, field, getattr(old, field))
        _save(new, by)
        new.lead_agencies.set(old.lead_agencies.all())
        carry_over.carried(old, new)
    return plan


def _check_new_plan(source: BusinessPlan, title: str, starts_on: date, ends_on: date) -> None:
    title = title.strip()
    if not title:
        raise ValidationError("Give the new plan a title, such as 2026/27.")
    if BusinessPlan.objects.filter(title__iexact=title).exists():
        raise ValidationError(f"There is already a business plan “{title}”; choose another title.")
    if ends_on <= starts_on:
        raise ValidationError("The new plan must end after it starts.")
    earliest = source.ends_on - MOST_OVERLAP
    if starts_on <= source.starts_on or starts_on < earliest:
        raise ValidationError(
            f"The new plan would start on {long_date(starts_on)}, too early for a plan following {source}, "
            f"which ends on {long_date(source.ends_on)}: start it no earlier than {long_date(earliest)}."
        )


def _copy_structure(source: BusinessPlan, plan: BusinessPlan, by) -> dict[int, Objective]:
    """Copy the source's showing aims and objectives; returns the new objective for each old one's id."""
    aims = {}
    for old in Aim.objects.not_hidden().filter(plan=source):
        aims[old.pk] = Aim(plan=plan, number=old.number, title=old.title, strategic_lead=old.strategic_lead)
        _save(aims[old.pk], by)
    objectives = {}
    for old in Objective.objects.not_hidden().filter(plan=source):
        objectives[old.pk] = Objective(plan=plan, aim=aims[old.aim_id], ref=old.ref, title=old.title)
        _save(objectives[old.pk], by)
    return objectives


def _save(instance, by) -> None:
    # Saved one by one, not in bulk, so django-simple-history records who started the plan.
    instance.full_clean()
    instance._history_user = by
    instance._change_reason = "Carried over from the previous plan"
    instance.save()
