"""Helpers for the load_demo test modules: the demo's plans by title, loading it, counting every table."""

from datetime import date, timedelta
from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from mscb.demo import scrutiny, training_plan
from mscb.demo.loader import ROUNDS
from mscb.demo.times import DemoCalendar
from objectives.models import BusinessPlan


def whole_story_day(today: date) -> date:
    """Today, or the last day of the year before while this year is too young to hold the story's every round.

    The demo moves its story to the day it is loaded; until about June the rounds reported earlier in the story
    would fall before the plan began and are left out, so tests of the whole story load it as at 31 March.
    """
    calendar = DemoCalendar(today)
    if all(calendar.progress_round(spec) for spec in ROUNDS):
        return today
    return calendar.starts_on - timedelta(days=1)


# The day the load_demo tests tell the demo as at, and its calendar: every expected date and title comes from it.
DEMO_DAY = whole_story_day(timezone.localdate())
CALENDAR = DemoCalendar(DEMO_DAY)
MAIN_PLAN = CALENDAR.plan_title
SCRUTINY_PLAN = CALENDAR.plan_text(scrutiny.PLAN["title"])
SUBGROUP_PLAN = CALENDAR.plan_text(training_plan.PLAN["title"])


def load_demo(today: date = DEMO_DAY) -> str:
    output = StringIO()
    call_command("load_demo", stdout=output, today=today.isoformat())
    return output.getvalue()


def as_of(story_as_of: date) -> date:
    """Where the story's round as of this day falls when the demo is loaded as at DEMO_DAY."""
    return CALENDAR.as_of(story_as_of)


def row_counts() -> dict[str, int]:
    """Rows in every table, history and many-to-many tables included."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models(include_auto_created=True)}


def plan(title: str) -> BusinessPlan:
    return BusinessPlan.objects.with_scale().get(title=title)
