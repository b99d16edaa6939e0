"""A fingerprint of an import's change set, so a confirmation can tell whether it would do what the preview showed.

The preview page posts the fingerprint of the changes it listed; confirming works the changes out again against the
database as it is then and applies them only if the fingerprint is the same. Any import's changes are plain
dataclasses, lists and dicts of model instances and values, so one walk over them serves every import.
"""

import dataclasses
import hashlib
from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal

from django.db import models

_PLAIN = (str, int, float, bool, Decimal, date, datetime, time, type(None))


def fingerprint(changes) -> str:
    """A SHA-256 of everything the changes would write, the same for equal changes however they were built."""
    return hashlib.sha256(repr(_described(changes)).encode()).hexdigest()


def _described(value):
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, models.Model):
        return _described_instance(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = dataclasses.fields(value)
        return (type(value).__name__, tuple((field.name, _described(getattr(value, field.name))) for field in fields))
    if isinstance(value, Mapping):
        return tuple(sorted(((repr(key), _described(item)) for key, item in value.items()), key=repr))
    if isinstance(value, set | frozenset):
        return tuple(sorted((_described(item) for item in value), key=repr))
    if isinstance(value, list | tuple):
        return tuple(_described(item) for item in value)
    # Anything else is named by its type alone: a default repr holds a memory address, different on every run.
    return type(value).__name__


def _described_instance(instance: models.Model) -> tuple:
    """A model instance by its table, its id and its field values; not the relations it has cached, which may loop.

    Timestamps the database sets on saving, and on a new instance values made up by a callable default, are left
    out: they differ every time the changes are worked out without the change being any different.
    """
    adding = instance._state.adding
    values = tuple(
        (field.attname, _described(field.value_from_object(instance)))
        for field in instance._meta.concrete_fields
        if not getattr(field, "auto_now", False)
        and not getattr(field, "auto_now_add", False)
        and not (adding and callable(field.default))
    )
    return (instance._meta.label, instance.pk, values)
