"""The demo board for browser tests: loaded once per test run, then restored from a copy of its tables.

Some thirty browser tests start from the demo, and the live server empties the database after each. Loading
the demo runs its whole story (rounds, updates, history) in ten seconds or so; copying its tables back inside
the database takes a few milliseconds (tests/browser/table_copy.py), so the run loads it once and restores it after.
"""

from io import StringIO

from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from mscb.demo.times import DemoCalendar
from objectives.models import BusinessPlan
from tests.browser.table_copy import TableCopy

# The demo's tables, per database engine (SQLite and PostgreSQL run apart).
_copies: dict[str, TableCopy] = {}

# The demo as `make demo` loads it, whichever test asks first: a fast hasher (the demo signs up five people), and
# tasks run as they are enqueued, so the report the demo makes public has its files. A test that keeps tasks
# queued (test_import_progress) would otherwise leave the whole run's copy with that report still being prepared.
_AS_MAKE_DEMO_LOADS_IT = {
    "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
    "TASKS": {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
}


def load_demo() -> None:
    """The demo board in the test database: loaded the first time, restored from its copy after that."""
    copy = _copies.get(connection.vendor)
    if copy is None:
        with override_settings(**_AS_MAKE_DEMO_LOADS_IT):
            call_command("load_demo", stdout=StringIO())
        _copies[connection.vendor] = TableCopy("demo")
        return
    copy.restore()


def demo_plan() -> BusinessPlan:
    """The demo's business plan: the financial year containing the day it was loaded, today."""
    return BusinessPlan.objects.get(title=DemoCalendar(timezone.localdate()).plan_title)
