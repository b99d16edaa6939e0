"""Adding and saving an action: its target changes only through Action.revise_target(), and a save never
overwrites someone else's later one."""

from django.db import transaction
from django.forms import ModelForm

from ..models import Action, Aim, BusinessPlan, Objective, implicit_aim
from ..models.shapes import in_sentence
from .conflicts import take_next_version


@transaction.atomic
def add_action(*, form: ModelForm) -> Action:
    """Add the valid form's action, with its target set the one way a target is set."""
    return _save_with_target(form)


@transaction.atomic
def save_action(*, form: ModelForm, expected_version: int | None) -> Action:
    """Save a valid action form unless someone saved the action after the form was loaded."""
    take_next_version(form.instance, expected_version=expected_version, subject=lambda saved: in_sentence(saved.name))
    return _save_with_target(form)


def _save_with_target(form: ModelForm) -> Action:
    on, is_month = form.cleaned_data["target"]
    form.instance.revise_target(on, is_month=is_month)
    return form.save()


def parent_objective(parent: Aim | BusinessPlan) -> Objective:
    """Where a new action of a two-level plan's priority, or of a list plan, is stored: the implicit levels."""
    aim = parent if isinstance(parent, Aim) else implicit_aim(parent)
    return aim.implicit_objective()
