"""Deleting a plan or round for good, as the undo of a mistaken rollover or round, but only while nothing was
reported in it: a plan or round with any progress, or a published report, is kept (an action can be hidden instead).

Unlike hiding (services.deletion), this removes the rows; django-simple-history keeps a record of each.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from core.formats import in_words, plural

from ..models import Action, BusinessPlan, ProgressRound, ProgressUpdate


def plan_deletion_problem(plan: BusinessPlan) -> str:
    """Why the plan cannot be deleted, in words; "" when it can."""
    updates = ProgressUpdate.objects.filter(round__plan=plan).count()
    if updates:
        return f"{plan} has {plural(updates, 'progress update')}: only a plan with no progress can be deleted."
    published = plan.published_reports.count()
    if published:
        return f"{plan} has {plural(published, 'published report')}, which must stay as they were sent."
    later = sorted(set(Action.objects.filter(carried_from__plan=plan).values_list("plan__title", flat=True)))
    if later:
        return f"Actions of {plan} were carried over into {in_words(later)}: delete {in_words(later)} first."
    # A review's or the panel's own actions were written on their pages; those carried from a plan are copies.
    reviews = Action.objects.filter(plan=plan, objective__isnull=True, carried_from__isnull=True).count()
    if reviews:
        return f"{plural(reviews, 'case review or CDOP action')} report in {plan}, and would be lost with it."
    return ""


def round_deletion_problem(progress_round: ProgressRound) -> str:
    """Why the round cannot be deleted, in words; "" when it can."""
    updates = progress_round.progress_updates.count()
    if updates:
        return (
            f"{progress_round.label} has {plural(updates, 'progress update')}: only a round with no progress "
            "can be deleted."
        )
    if progress_round.published_reports.exists():
        return f"{progress_round.label} has a published report, which must stay as it was sent."
    return ""


@transaction.atomic
def delete_plan(*, plan: BusinessPlan, by: AbstractBaseUser) -> None:
    """Delete a plan with no progress, with its aims, objectives, actions and rounds."""
    plan = BusinessPlan.objects.select_for_update().get(pk=plan.pk)
    _refuse(plan_deletion_problem(plan))
    plan._history_user = by
    plan.delete()


@transaction.atomic
def delete_round(*, progress_round: ProgressRound, by: AbstractBaseUser) -> None:
    """Delete a round with no progress."""
    progress_round = ProgressRound.objects.select_for_update().get(pk=progress_round.pk)
    _refuse(round_deletion_problem(progress_round))
    progress_round._history_user = by
    progress_round.delete()


def _refuse(problem: str) -> None:
    if problem:
        raise ValidationError(problem)
