"""Refusing a stale save: each form carries the `version` it was loaded with, and a save whose version
no longer matches the row raises ConflictError, naming who saved it since, instead of overwriting."""

from collections.abc import Callable

from django.db import models, transaction
from django.forms import ModelForm
from django.utils import timezone
from django.utils.formats import date_format

from core.conflicts import ConflictError
from core.formats import display_name, long_date


def take_next_version(instance: models.Model, *, expected_version: int | None, subject: Callable) -> None:
    """Lock the stored row and give `instance` the next version, unless it was saved since `expected_version`.

    Then a ConflictError names who saved `subject(saved row)` and when. Call it inside the save's transaction.
    """
    saved = type(instance)._default_manager.select_for_update(of=("self",)).filter(pk=instance.pk).order_by("pk").get()
    if saved.version != expected_version:
        raise conflict_error(saved, subject(saved))
    instance.version = saved.version + 1


def conflict_error(saved: models.Model, subject: str) -> ConflictError:
    last = saved.history.order_by("-history_date", "-history_id").select_related("history_user").first()
    user = last.history_user if last else None
    who = display_name(user, missing="Someone else")
    when = last.history_date if last else timezone.now()
    local = timezone.localtime(when)
    return ConflictError(
        f"{who} saved {subject} at {date_format(local, 'H:i')} on {long_date(local)}, "
        "after you opened it, so your changes were not saved.",
        saved=saved,
        saved_by=who,
        saved_at=when,
    )


@transaction.atomic
def save_versioned_form(form: ModelForm, *, subject: Callable) -> models.Model:
    """Save a valid model form carrying a `version` (VersionField), unless someone saved its row since it was loaded.

    For an edit form that has no service of its own: a new row is simply saved, at version 1.
    """
    if form.instance.pk:
        take_next_version(form.instance, expected_version=form.cleaned_data["version"], subject=subject)
    return form.save()
