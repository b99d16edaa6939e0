"""Saving an import's objects a model at a time, with the history that saving them one by one would have written.

Saved one by one, a 1,000-row plan took 15 s: each object cost a query to validate, one to insert and one for its
history, and each action's lead agencies several more and a second history row. Here each model's new objects are
inserted in one statement and their history in another, and its changed objects likewise updated, so the number of
statements depends on the kinds of object, not on the number of rows (SQLite splits a statement past 999 values).

The history rows say what save() would have said: the user from the request (simple_history's middleware, read by
its bulk helper as by save()) and the import's change reason; a new action's first row, like save()'s, has no lead
agencies, and a second, as adding them wrote, has them. What save() did besides writing happens here for every
object: the sort key derived from the reference (`set_sort_key()`), `auto_now` timestamps, and, for a changed
object, the next version, so a form opened before the import is refused rather than saving over it.
"""

from django.db import models
from simple_history.models import HistoricalRecords

# What a changed object's version, raised by every save through a form, is called on each model that has one.
VERSION = "version"


def create(instances: list[models.Model], model: type[models.Model], *, reason: str | None) -> None:
    """Insert new objects of one model and their history ("created"), giving each instance its id."""
    if not instances:
        return
    for instance in instances:
        if hasattr(instance, "set_sort_key"):
            instance.set_sort_key()
        _reason(instance, reason)
    # Fields such as auto_now_add are filled by bulk_create itself, before the history copies them.
    model._default_manager.bulk_create(instances)
    model.history.bulk_history_create(instances, default_user=_user(instances))


def update(instances: list[models.Model], model: type[models.Model]) -> None:
    """Update changed objects of one model in one statement; their history is written by `record_changes`.

    Every column is written, as save() writes them: the instances hold what the check loaded moments before, and a
    change list that missed a field a rule set beside another (revise_target()) would otherwise lose it.
    """
    if not instances:
        return
    columns = [
        field.name
        for field in model._meta.concrete_fields
        if not field.primary_key and not getattr(field, "auto_now_add", False)
    ]
    for instance in instances:
        if VERSION in columns:
            instance.version += 1
        for field in model._meta.concrete_fields:
            if getattr(field, "auto_now", False):
                field.pre_save(instance, add=False)
    model._default_manager.bulk_update(instances, columns)


def set_related(instance_values: list[tuple[models.Model, str, list[models.Model]]]) -> None:
    """Make each (instance, many-to-many field name, objects) hold exactly those objects, in a few statements."""
    by_field: dict[models.ManyToManyField, list[tuple[models.Model, list[models.Model]]]] = {}
    for instance, name, objects in instance_values:
        by_field.setdefault(instance._meta.get_field(name), []).append((instance, objects))
    for field, pairs in by_field.items():
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        wanted = {(instance.pk, obj.pk) for instance, objects in pairs for obj in objects}
        instances = [instance.pk for instance, _ in pairs]
        stored = list(through.objects.filter(**{f"{source}_id__in": instances}).values_list("pk", source, target))
        stale = [pk for pk, *pair in stored if tuple(pair) not in wanted]
        kept = {(one, other) for _, one, other in stored}
        if stale:
            through.objects.filter(pk__in=stale).delete()
        new_rows = [through(**{f"{source}_id": one, f"{target}_id": other}) for one, other in wanted - kept]
        through.objects.bulk_create(new_rows)


def record_changes(instances: list[models.Model], model: type[models.Model], *, reason: str | None) -> None:
    """Write a "changed" history row for each instance, with its many-to-many values as they now stand."""
    if not instances:
        return
    for instance in instances:
        _reason(instance, reason)
    rows = model.history.bulk_history_create(instances, update=True, default_user=_user(instances))
    _record_related(rows, model)


def _record_related(history_rows: list[models.Model], model: type[models.Model]) -> None:
    """Copy each object's many-to-many rows under its history row, as simple_history's save() does."""
    history_model = model.history.model
    for field in getattr(history_model, "_history_m2m_fields", ()):
        through = field.remote_field.through
        source = field.m2m_field_name()
        by_object: dict[int, list[models.Model]] = {}
        for row in through.objects.filter(**{f"{source}_id__in": [row.id for row in history_rows]}).order_by("pk"):
            by_object.setdefault(getattr(row, f"{source}_id"), []).append(row)
        copy_model = HistoricalRecords.m2m_models[field]
        names = [item.attname for item in through._meta.concrete_fields]
        copies = [
            copy_model(history=history_row, **{name: getattr(row, name) for name in names})
            for history_row in history_rows
            for row in by_object.get(history_row.id, [])
        ]
        copy_model.objects.bulk_create(copies)


def _user(instances: list[models.Model]):
    """Who saves, as save() finds them (the request's user), asked once rather than for each of a thousand rows."""
    return type(instances[0]).history.model.get_default_history_user(instances[0])


def _reason(instance: models.Model, reason: str | None) -> None:
    if reason:
        instance._change_reason = reason
