"""Deleting hides: an aim, objective or action is flagged, never removed, and the board manager can restore it.

Hiding an aim or objective hides what is under it by being hidden: the rows below keep their own flag,
so restoring the parent brings back exactly what was there (less anything hidden on its own).
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.urls import reverse

from .models import Action, Aim, BusinessPlan, Objective


def label(item: Aim | Objective | Action) -> str:
    """How pages name an item: "aim 1", "objective 1.1", "action 1.1.3"."""
    if isinstance(item, Aim):
        return f"aim {item.number}"
    return f"{item._meta.model_name} {item.ref}"


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


def hidden_parent(item: Objective | Action) -> Aim | Objective | None:
    """The hidden objective or aim above an item, nearest first; None when they are all showing."""
    if isinstance(item, Action):
        if item.objective is None:
            return None
        if item.objective.is_deleted:
            return item.objective
        aim = item.objective.aim
    else:
        aim = item.aim
    return aim if aim.is_deleted else None


def _set_deleted(item: Aim | Objective | Action, is_deleted: bool, by: AbstractBaseUser) -> None:
    if item.is_deleted == is_deleted:
        raise ValidationError(f"{label(item).capitalize()} is already {'hidden' if is_deleted else 'showing'}.")
    item.is_deleted = is_deleted
    # Saved, not updated in bulk, so django-simple-history records who hid or restored it and when.
    item._history_user = by
    item.save(update_fields=["is_deleted"])


@dataclass(frozen=True)
class HiddenItem:
    item: Aim | Objective | Action
    plan: BusinessPlan | None
    description: str
    hidden_at: datetime | None
    hidden_by: str
    # The hidden aim or objective above it, which must be restored first; None if there is none.
    hidden_parent: Aim | Objective | None

    @property
    def label(self) -> str:
        return label(self.item).capitalize()

    @property
    def hidden_parent_label(self) -> str:
        return label(self.hidden_parent) if self.hidden_parent is not None else ""

    @property
    def restore_url(self) -> str:
        return reverse(f"objectives:{self.item._meta.model_name}_restore", args=[self.item.pk])


def hidden_items() -> list[HiddenItem]:
    """Every hidden aim, objective and action, most recently hidden first, in six queries."""
    aims = list(Aim.objects.deleted().select_related("plan"))
    objectives = list(Objective.objects.deleted().select_related("plan", "aim"))
    actions = list(Action.objects.deleted().select_related("plan", "objective__aim"))
    found = []
    for model, rows, text in ((Aim, aims, "title"), (Objective, objectives, "title"), (Action, actions, "text")):
        hidden = _when_hidden(model, [row.pk for row in rows])
        for row in rows:
            when, who = hidden.get(row.pk, (None, "Unknown"))
            parent = None if isinstance(row, Aim) else hidden_parent(row)
            found.append(HiddenItem(row, row.plan, getattr(row, text), when, who, parent))
    # Items hidden before history was kept have no date; they go last.
    return sorted(found, key=lambda hidden: (hidden.hidden_at is not None, hidden.hidden_at), reverse=True)


def _when_hidden(model, pks: list[int]) -> dict[int, tuple[datetime, str]]:
    """When and by whom each row was last hidden, read from its history in one query."""
    records = (
        model.history.filter(id__in=pks)
        .order_by("id", "history_date", "history_id")
        .values_list(
            "id",
            "is_deleted",
            "history_date",
            "history_user__first_name",
            "history_user__last_name",
            "history_user__username",
        )
    )
    hidden: dict[int, tuple[datetime, str]] = {}
    was_deleted: dict[int, bool] = {}
    for pk, is_deleted, when, first_name, last_name, username in records:
        if is_deleted and not was_deleted.get(pk, False):
            hidden[pk] = (when, f"{first_name} {last_name}".strip() or username or "Unknown")
        was_deleted[pk] = is_deleted
    return hidden
