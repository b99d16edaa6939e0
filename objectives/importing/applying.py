"""Write a checked import to the database."""

from django.db import models, transaction

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

from .changes import Change, PlanChanges

# Parents before children, so each child can take its parent's new id.
_SAVE_ORDER = (BusinessPlan, Agency, Aim, Objective, Action, ProgressRound, ProgressUpdate)


@transaction.atomic
def apply_changes(changes: PlanChanges, *, reason: str = "") -> None:
    """Save each new or changed object of a checked import, all or nothing, so history records every change."""
    for change in sorted(changes.changes, key=lambda change: _SAVE_ORDER.index(type(change.instance))):
        instance = change.instance
        _take_parent_ids(instance)
        if change.implicit:
            _save_implicit(change)
            continue
        # Checked already, but the database may have changed since; a ValidationError undoes everything.
        instance.full_clean()
        if reason:
            instance._change_reason = reason[:100]
        instance.save()
        for name, objects in change.related.items():
            getattr(instance, name).set(objects)


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
