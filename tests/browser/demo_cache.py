"""The demo board for browser tests: loaded once per test run, then restored from a copy of its rows.

Some thirty browser tests start from the demo, and the live server empties the database after each. Loading
the demo runs its whole story (rounds, updates, history) in ten seconds or so; putting its rows back as they
were takes a fraction of that, so the run loads it once and restores it after (the same serialization
Django's serialized rollback uses for the migrated rows).
"""

from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from mscb.demo.times import DemoCalendar
from objectives.models import BusinessPlan

# The demo's rows as Django serializes a database, per database engine (SQLite and PostgreSQL run apart).
_copies: dict[str, str] = {}


def load_demo() -> None:
    """The demo board in the test database: loaded the first time, restored from its copy after that."""
    copy = _copies.get(connection.vendor)
    if copy is None:
        # A fast hasher: the demo signs up five people.
        with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
            call_command("load_demo", stdout=StringIO())
        _copies[connection.vendor] = connection.creation.serialize_db_to_string()
        return
    connection.creation.deserialize_db_from_string(copy)
    # Rows come back with their ids; PostgreSQL's sequences must move past them before a test adds its own.
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True)):
            cursor.execute(statement)


def demo_plan() -> BusinessPlan:
    """The demo's business plan: the financial year containing the day it was loaded, today."""
    return BusinessPlan.objects.get(title=DemoCalendar(timezone.localdate()).plan_title)
