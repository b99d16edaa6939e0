"""Saving an action's form without overwriting someone else's later save."""

from django.db import transaction
from django.forms import ModelForm

from ..models import Action
from .conflicts import take_next_version


@transaction.atomic
def save_action(*, form: ModelForm, expected_version: int | None) -> Action:
    """Save a valid action form unless someone saved the action after the form was loaded."""
    take_next_version(form.instance, expected_version=expected_version, subject=lambda saved: f"action {saved.ref}")
    return form.save()
