"""What was hidden, by whom and when, for the deleted items page; and how pages name a hidden item."""

from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse

from ..models import Action, Aim, BusinessPlan, Objective
from ..models.shapes import in_sentence


def label(item: Aim | Objective | Action) -> str:
    """How pages name an item, in its plan's words: "aim 1", "priority 1a", "objective 1.1", "recommendation 3"."""
    if isinstance(item, Aim):
        return f"{in_sentence(item.plan.aim_name)} {item.number}"
    if isinstance(item, Objective):
        return f"{in_sentence(item.plan.objective_name)} {item.ref}"
    return in_sentence(item.name)


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
    # The same plan, already fetched with the item: naming the aim in its words asks nothing more.
    aim.plan = item.plan
    return aim if aim.is_deleted else None


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
