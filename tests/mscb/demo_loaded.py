"""Helpers for the load_demo test modules: the demo's plans by title, loading it, counting every table."""

from io import StringIO

from django.apps import apps
from django.core.management import call_command

from objectives.models import BusinessPlan

MAIN_PLAN = "2025/26"
SCRUTINY_PLAN = "Scrutiny review of the partnership 2025"
SUBGROUP_PLAN = "Learning and Development Sub-Group plan 2025/26"


def load_demo() -> str:
    output = StringIO()
    call_command("load_demo", stdout=output)
    return output.getvalue()


def row_counts() -> dict[str, int]:
    """Rows in every table, history and many-to-many tables included."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models(include_auto_created=True)}


def plan(title: str) -> BusinessPlan:
    return BusinessPlan.objects.with_scale().get(title=title)
