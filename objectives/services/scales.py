"""Rating scales: saving a board's own scale with its levels, and moving a plan to another scale.

A plan's stored ratings are codes on its scale, so changing the scale maps each code in use to a level of the
new one, or clears it; the board manager sees and confirms every mapping first (never silently). Published
papers are frozen snapshots and are not touched.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count

from core.models import RatingScale
from core.rating import Scale

from ..models import BusinessPlan, ProgressUpdate


class StalePreview(ValidationError):
    """The preview no longer matches the plan's ratings: show it again."""


@dataclass(frozen=True)
class RatingInUse:
    """A rating some of the plan's progress updates hold, and the new scale's level it would become."""

    code: str
    label: str  # in the words of the plan's current scale
    updates: int
    proposed: str  # a code of the new scale, or "" to clear


@dataclass(frozen=True)
class ScaleChange:
    mapped: int  # updates that keep a rating, on the new scale
    cleared: int  # updates whose rating was cleared

    def __str__(self):
        mapped = f"{self.mapped} rating{'s' if self.mapped != 1 else ''} mapped"
        return f"{mapped}, {self.cleared} cleared"


def plan_updates(plan: BusinessPlan):
    """Every progress update of the plan, whatever its round or state."""
    return ProgressUpdate.objects.filter(round__plan=plan)


def ratings_in_use(*, plan: BusinessPlan, new_scale: Scale) -> list[RatingInUse]:
    """Each rating the plan's updates hold, with how many, and the level it is proposed to become: one query.

    The proposal is the new scale's level of the same code, else of the same label (ignoring case), else clear.
    """
    rows = plan_updates(plan).exclude(rag="").values("rag").annotate(updates=Count("pk")).order_by("rag")
    current = plan.scale
    in_use = [
        RatingInUse(row["rag"], current.label(row["rag"]), row["updates"], _proposal(row["rag"], current, new_scale))
        for row in rows
    ]
    # In the current scale's key order, as the board knows it; codes it no longer has go last.
    order = {level.value: index for index, level in enumerate(current.levels)}
    return sorted(in_use, key=lambda rating: order.get(rating.code, len(order)))


def _proposal(code: str, current: Scale, new_scale: Scale) -> str:
    if new_scale.has(code):
        return code
    by_label = new_scale.find(current.label(code))
    return by_label.value if by_label else ""


@transaction.atomic
def change_plan_scale(*, plan: BusinessPlan, scale: RatingScale, mapping: dict[str, str]) -> ScaleChange:
    """Move the plan to `scale`, changing each update's rating by `mapping` (code → new code, or "" to clear).

    Refused, changing nothing, if the plan holds a rating the mapping does not cover (someone rated an action
    since the preview) or maps to a level the new scale does not have.
    """
    new_scale = scale.as_scale()
    wrong = sorted(target for target in mapping.values() if target and not new_scale.has(target))
    if wrong:
        raise ValidationError(f"{scale.title} has no level “{wrong[0]}”; it may have changed. Please choose again.")
    updates = list(plan_updates(plan).exclude(rag="").select_for_update(of=("self",)).order_by("pk"))
    unmapped = sorted({update.rag for update in updates} - set(mapping))
    if unmapped:
        raise StalePreview(
            f"The plan's ratings changed since the preview: “{unmapped[0]}” is now in use. "
            "Please check the mapping again."
        )
    plan.rating_scale = scale
    plan.save(update_fields=["rating_scale"])
    plan.__dict__.pop("scale", None)  # the cached scale is the old one
    mapped = cleared = 0
    for update in updates:
        new_code = mapping[update.rag]
        mapped, cleared = (mapped + 1, cleared) if new_code else (mapped, cleared + 1)
        if new_code != update.rag:
            # Saved one by one through the model, so each change is in the update's history; the version rises
            # so a form opened before the change cannot write the old rating back.
            update.rag = new_code
            update.version += 1
            update.save(update_fields=["rag", "version", "updated_at"])
    return ScaleChange(mapped=mapped, cleared=cleared)


@transaction.atomic
def save_scale(*, form, levels) -> RatingScale:
    """Save a board's scale and its levels (a ModelForm and its inline formset, both valid) together.

    Refuses to remove a level, or change its code, while progress updates of a plan on this scale hold it.
    """
    scale = form.save()
    levels.instance = scale
    try:
        with transaction.atomic():
            levels.save()
    except IntegrityError as error:
        # Two levels swapping codes or labels trip the database's uniqueness before both are saved.
        raise ValidationError(
            "Two levels cannot swap their codes or labels in one save: give one a new code first, save, then "
            "change the other."
        ) from error
    _refuse_orphaned_ratings(scale)
    return scale


def _refuse_orphaned_ratings(scale: RatingScale) -> None:
    codes = set(scale.levels.values_list("code", flat=True))
    orphaned = (
        ProgressUpdate.objects.filter(round__plan__rating_scale=scale)
        .exclude(rag="")
        .exclude(rag__in=codes)
        .values("rag")
        .annotate(updates=Count("pk"))
        .order_by("rag")
    )
    first = orphaned.first()
    if first:
        count = first["updates"]
        raise ValidationError(
            f"{count} progress update{'s' if count != 1 else ''} of plans on this scale "
            f"{'are' if count != 1 else 'is'} rated “{first['rag']}”, so that code cannot be removed or changed. "
            "Move those plans to another scale first (from the plan's page), or keep the code."
        )


@transaction.atomic
def delete_scale(*, scale: RatingScale) -> None:
    """Delete a board's own scale; refused for a built-in one or one a plan uses, naming the plans."""
    if scale.is_built_in:
        raise ValidationError(f"{scale.title} is built in and cannot be deleted.")
    plans = list(BusinessPlan.objects.filter(rating_scale=scale).order_by("title").values_list("title", flat=True))
    if plans:
        names = ", ".join(plans)
        raise ValidationError(
            f"{scale.title} cannot be deleted while {'plans use' if len(plans) > 1 else 'a plan uses'} it: {names}."
        )
    scale.delete()
