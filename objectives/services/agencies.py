"""Merging one agency into another: everything that points at it moves, then it is removed.

What points at an agency is found from `Agency._meta.related_objects`, so relations other apps add
(case review recommendations, training registrations …) move without this module naming those apps.
Every move goes through the ORM one row at a time — m2m add/remove and model save(), never
QuerySet.update() — so django-simple-history records each change and who made it.
"""

import hashlib
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.text import capfirst

from core.formats import in_words, plural

from ..models import Agency

CONTRIBUTORS_KEY = "objectives.agency.members"


@dataclass(frozen=True)
class MovingRows:
    """The rows of one relation that point at the merged agency, and how many already point at the kept one."""

    key: str  # app.model.field, stable across requests
    noun: str  # "action", "registration" …
    nouns: str  # "actions", "registrations" …
    place: str  # the app the rows belong to, in words
    link: str  # the field that points at the agency, in words
    ids: tuple[int, ...]
    already_kept: int = 0  # many-to-many rows the kept agency already has: not duplicated

    @property
    def count(self) -> int:
        return len(self.ids)

    @property
    def words(self) -> str:
        return plural(self.count, self.noun, self.nouns)


@dataclass(frozen=True)
class MergePlan:
    """What merging `merged` into `kept` would move, and the unique rules it would break (`clashes`)."""

    merged: Agency
    kept: Agency
    moving: tuple[MovingRows, ...]
    clashes: tuple[str, ...] = field(default=())

    def rows(self, key: str) -> MovingRows | None:
        return next((rows for rows in self.moving if rows.key == key), None)

    @property
    def action_count(self) -> int:
        led = self.rows("objectives.action.lead_agencies")
        return led.count if led else 0

    @property
    def contributor_count(self) -> int:
        return self.rows(CONTRIBUTORS_KEY).count

    @property
    def fingerprint(self) -> str:
        """A digest of exactly what would move, so a confirmation applies only what its preview showed."""
        shown = [(self.kept.pk, self.merged.pk)] + [(rows.key, rows.ids, rows.already_kept) for rows in self.moving]
        return hashlib.sha256(repr(shown).encode()).hexdigest()[:32]

    @property
    def summary(self) -> str:
        """What moves, in words: "4 actions and 2 contributors" (or "nothing")."""
        return in_words(rows.words for rows in self.moving if rows.count) or "nothing"

    @property
    def done_message(self) -> str:
        """ "Police merged into Kent Police: 4 actions and 2 people moved." """
        actions = plural(self.action_count, "action")
        people = plural(self.contributor_count, "person", "people")
        return f"{self.merged.name} merged into {self.kept.name}: {actions} and {people} moved."


class StaleMergeError(Exception):
    """The agencies changed after the preview: `plan` is what a merge would move now."""

    def __init__(self, plan: MergePlan):
        super().__init__("The agencies changed since the preview.")
        self.plan = plan


def check_merge_allowed(*, merged: Agency, kept: Agency) -> None:
    """The rules about the two agencies themselves."""
    if merged.pk == kept.pk:
        raise ValidationError("An agency cannot be merged into itself: choose another agency to keep.")
    if not kept.is_active:
        raise ValidationError(
            f"{kept.name} is inactive: reactivate it first, or choose an active agency to keep.", code="inactive"
        )


def _relations():
    """Every relation that points at an agency (other apps' too), plus the agency's own contributors."""
    found = [(relation.related_model, relation.field) for relation in Agency._meta.related_objects]
    return [(Agency, Agency._meta.get_field("members")), *found]


def _key(link: models.Field) -> str:
    """A relation's name across requests: app.model.field."""
    return f"{link.model._meta.label_lower}.{link.name}"


def _describe(model, link: models.Field, ids, already_kept=0) -> MovingRows:
    if link.model is Agency:
        # The agency's own many-to-many field: what moves are the rows at its other end (people).
        noun, nouns = "contributor", "contributors"
        place, words = Agency._meta.app_config.verbose_name, "agency contributors"
    else:
        noun, nouns = str(model._meta.verbose_name), str(model._meta.verbose_name_plural)
        place, words = str(model._meta.app_config.verbose_name), str(link.verbose_name)
    return MovingRows(
        key=_key(link),
        noun=noun,
        nouns=nouns,
        place=place,
        link=capfirst(words),
        ids=tuple(ids),
        already_kept=already_kept,
    )


def _many_to_many_rows(link: models.ManyToManyField, merged: Agency, kept: Agency) -> tuple[list[int], int]:
    """The ids at the far end of the merged agency's links, and how many of those the kept agency has too."""
    through = link.remote_field.through
    if not through._meta.auto_created:
        raise ValidationError(f"{capfirst(link.verbose_name)} cannot be merged in the app: ask the site admin.")
    # The through table's column for the agency, and for the row at the other end.
    agency_column, other_column = (
        (link.m2m_field_name(), link.m2m_reverse_field_name())
        if link.model is Agency
        else (link.m2m_reverse_field_name(), link.m2m_field_name())
    )
    linked = through.objects.filter(**{agency_column: merged}).order_by(f"{other_column}_id")
    ids = list(linked.values_list(f"{other_column}_id", flat=True))
    shared = through.objects.filter(**{agency_column: kept, f"{other_column}_id__in": ids}).count()
    return ids, shared


def _unique_with(model, link: models.Field) -> bool:
    """Whether any unique rule of `model` involves `link`: only those can break when only `link` changes."""
    if link.unique or any(link.name in fields for fields in model._meta.unique_together):
        return True
    constraints = [c for c in model._meta.constraints if isinstance(c, models.UniqueConstraint)]
    return any(link.name in c.fields or link.name in str(c.condition) for c in constraints)


def _foreign_key_clashes(model, link: models.Field, ids, kept: Agency) -> list[str]:
    """The unique rules each row would break once it points at the kept agency; checked, nothing saved."""
    if not ids or not _unique_with(model, link):
        return []
    clashes = []
    for row in model._base_manager.filter(pk__in=ids):
        named = f"{capfirst(model._meta.verbose_name)} “{row}”"  # as it is now, before pointing it elsewhere
        setattr(row, link.attname, kept.pk)
        try:
            row.validate_unique()
            row.validate_constraints()
        except ValidationError as error:
            clashes.append(f"{named} would clash with {kept.name}’s: {' '.join(error.messages)}")
    return clashes


def plan_merge(*, merged: Agency, kept: Agency) -> MergePlan:
    """What merging `merged` into `kept` would move, found afresh from the database; nothing is changed."""
    check_merge_allowed(merged=merged, kept=kept)
    moving, clashes = [], []
    for model, link in _relations():
        if link.many_to_many:
            ids, shared = _many_to_many_rows(link, merged, kept)
            moving.append(_describe(model, link, ids, shared))
        else:
            ids = list(model._base_manager.filter(**{link.name: merged}).order_by("pk").values_list("pk", flat=True))
            moving.append(_describe(model, link, ids))
            clashes += _foreign_key_clashes(model, link, ids, kept)
    return MergePlan(merged=merged, kept=kept, moving=tuple(moving), clashes=tuple(clashes))


def _move(plan: MergePlan) -> None:
    merged, kept = plan.merged, plan.kept
    for model, link in _relations():
        ids = plan.rows(_key(link)).ids
        if link.model is Agency:
            # Added before removing, so at no moment is a contributor left without either agency.
            kept.members.add(*ids)
            merged.members.remove(*ids)
        elif link.many_to_many:
            for row in model._base_manager.filter(pk__in=ids):
                # From the row's side, so its own history records the change (add() skips links it has).
                getattr(row, link.name).add(kept)
                getattr(row, link.name).remove(merged)
        else:
            for row in model._base_manager.filter(pk__in=ids):
                setattr(row, link.attname, kept.pk)
                row.save(update_fields=[link.name])


@transaction.atomic
def merge_agencies(*, merged: Agency, kept: Agency, fingerprint: str) -> MergePlan:
    """Move everything `merged` has to `kept` and remove `merged`, if that is still what the preview showed.

    Raises StaleMergeError when the agencies changed since the preview (`fingerprint`), and ValidationError
    naming the clash when a move would break a unique rule; either way nothing changes.
    """
    # Locked so two merges (or a merge and an edit) of the same agencies cannot interleave.
    locked = {agency.pk: agency for agency in Agency.objects.select_for_update().filter(pk__in=[merged.pk, kept.pk])}
    if len(locked) < 2 and merged.pk != kept.pk:
        raise ValidationError("One of the two agencies no longer exists: it may have been merged already.")
    plan = plan_merge(merged=locked.get(merged.pk, merged), kept=locked.get(kept.pk, kept))
    if plan.fingerprint != fingerprint:
        raise StaleMergeError(plan)
    if plan.clashes:
        raise ValidationError(
            [f"{plan.merged.name} cannot be merged into {plan.kept.name}: nothing was changed.", *plan.clashes]
        )
    _move(plan)
    plan.merged.delete()
    return plan
