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


def load_demo() -> None:
    """The demo board in the test database: loaded the first time, restored from its copy after that."""
    copy = _copies.get(connection.vendor)
    if copy is None:
        # A fast hasher: the demo signs up five people.
        with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
            call_command("load_demo", stdout=StringIO())
        _copies[connection.vendor] = TableCopy("demo")
        return
    copy.restore()


def demo_plan() -> BusinessPlan:
    """The demo's business plan: the financial year containing the day it was loaded, today."""
    return BusinessPlan.objects.get(title=DemoCalendar(timezone.localdate()).plan_title)
