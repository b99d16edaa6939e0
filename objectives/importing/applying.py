"""Write a checked import to the database, a model at a time (see bulk_saving), all or nothing."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from objectives.models import (
    Action,
    Agency,
    Aim,
    BusinessPlan,
    Objective,
    ProgressRound,
    ProgressUpdate,
    implicit_aim,
)

from . import bulk_saving
from .changes import Change, PlanChanges

# Parents before children, so each child can take its parent's new id.
_SAVE_ORDER = (BusinessPlan, Agency, Aim, Objective, Action, ProgressRound, ProgressUpdate)


def apply_changes(changes: PlanChanges, *, reason: str = "") -> None:
    """Save each new or changed object of a checked import, all or nothing, so history records every change.

    The checks ran moments before (in the same transaction when confirming, see ConfirmUploadMixin); something
    saved meanwhile that clashes with the import is refused by the database's constraints, and the ValidationError
    raised for it undoes everything.
    """
    try:
        with transaction.atomic():
            _apply(changes, reason=reason)
    except IntegrityError as error:
        raise ValidationError(
            f"{changes.plan} changed since the file was checked (someone saved an item the file adds), "
            "so nothing was imported."
        ) from error


def _apply(changes: PlanChanges, *, reason: str) -> None:
    reason = reason[:100] or None  # the history's change reason holds 100 characters
    changed: dict[type[models.Model], list[Change]] = {}
    for model in _SAVE_ORDER:
        of_model = [change for change in changes.changes if type(change.instance) is model]
        new = []
        for change in of_model:
            _take_parent_ids(change.instance)
            if change.implicit:
                _save_implicit(change)
            elif change.created:
                new.append(change.instance)
        bulk_saving.create(new, model, reason=reason)
        changed[model] = [change for change in of_model if not change.created and not change.implicit]
        bulk_saving.update([change.instance for change in changed[model]], model)
    related = [change for change in changes.changes if change.related]
    bulk_saving.set_related(
        [(change.instance, name, objects) for change in related for name, objects in change.related.items()]
    )
    for model in _SAVE_ORDER:
        # A changed object's history row; a new one's second row once its many-to-many values are set (as set()
        # after save() wrote), so each row holds the values the object had then.
        recorded = [change.instance for change in changed[model]]
        recorded += [change.instance for change in related if change.created and type(change.instance) is model]
        bulk_saving.record_changes(recorded, model, reason=reason)


def _take_parent_ids(instance: models.Model) -> None:
    # A parent that was unsaved when the child was built has an id now; assigning it again copies the id.
    for relation in instance._meta.concrete_fields:
        if relation.many_to_one and relation.is_cached(instance):
            setattr(instance, relation.name, relation.get_cached_value(instance))


def _save_implicit(change: Change) -> None:
    """Save an implicit level through the one rule that makes it, and give its id to the checked instance."""
    instance = change.instance
    saved = implicit_aim(instance.plan) if isinstance(instance, Aim) else instance.aim.implicit_objective()
    instance.pk = saved.pk
    instance._state.adding = False
    instance._state.db = saved._state.db
