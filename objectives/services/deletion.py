"""Deleting hides: an aim, objective or action is flagged, never removed, and the board manager can restore it.

Hiding an aim or objective hides what is under it by being hidden: the rows below keep their own flag,
so restoring the parent brings back exactly what was there (less anything hidden on its own).
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError

from ..models import Action, Aim, Objective
from ..selectors.deleted import hidden_parent, label


def delete_aim(*, aim: Aim, by: AbstractBaseUser) -> None:
    """Hide an aim, and with it its objectives and actions."""
    _set_deleted(aim, True, by)


def delete_objective(*, objective: Objective, by: AbstractBaseUser) -> None:
    """Hide an objective, and with it its actions."""
    _set_deleted(objective, True, by)


def delete_action(*, action: Action, by: AbstractBaseUser) -> None:
    """Hide an action; its progress updates are kept."""
    _set_deleted(action, True, by)


def restore_aim(*, aim: Aim, by: AbstractBaseUser) -> None:
    """Bring a hidden aim back, with the objectives and actions it hid."""
    _set_deleted(aim, False, by)


def restore_objective(*, objective: Objective, by: AbstractBaseUser) -> None:
    """Bring a hidden objective back, with the actions it hid; its aim must be showing."""
    _check_parent_showing(objective)
    _set_deleted(objective, False, by)


def restore_action(*, action: Action, by: AbstractBaseUser) -> None:
    """Bring a hidden action back; its objective and aim must be showing."""
    _check_parent_showing(action)
    _set_deleted(action, False, by)


def _check_parent_showing(item: Objective | Action) -> None:
    # Restored under a hidden parent, it would still be out of sight; say which to restore instead.
    parent = hidden_parent(item)
    if parent is not None:
        raise ValidationError(
            f"{label(item).capitalize()} is under {label(parent)}, which is hidden too. Restore {label(parent)} first."
        )


def _set_deleted(item: Aim | Objective | Action, is_deleted: bool, by: AbstractBaseUser) -> None:
    if item.is_deleted == is_deleted:
        raise ValidationError(f"{label(item).capitalize()} is already {'hidden' if is_deleted else 'showing'}.")
    item.is_deleted = is_deleted
    # Saved, not updated in bulk, so django-simple-history records who hid or restored it and when.
    item._history_user = by
    item.save(update_fields=["is_deleted"])
