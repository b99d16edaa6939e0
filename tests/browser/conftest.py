"""Browser tests drive the system Chromium through Playwright against Django's live server.

Without a Chromium the tests are skipped with the reason; REQUIRE_BROWSER=1 (as in CI) makes
that a failure instead, so a missing browser can never turn the journey tests green by absence.

The live server needs a transactional database, which Django flushes after each test, emptying the
rows the data migrations filled (bank holidays, subgroups, CDOP categories, roles). Each test here
therefore asks for `serialized_rollback=True`: it starts from the migrated database whatever ran before.
tests/conftest.py marks them all `browser`, and `make test` runs them in a pytest run of their own.
"""

import os
from pathlib import Path

import pytest

from tests.browser.demo_cache import load_demo
from tests.browser.flush_by_delete import flush_by_delete
from tests.browser.migrated_rows import restore_from_a_copy

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# The machine has no network beyond package registries: keep Chromium from phoning home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@pytest.fixture(scope="session", autouse=True)
def _require_chromium():
    if Path(CHROMIUM_PATH).exists():
        return
    reason = f"No Chromium at {CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH."
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def django_db_setup(_require_chromium, django_db_setup):
    """The test database only once Chromium is known to be there: pytest-django asks for the database before
    the autouse check above would run, and without a Chromium the migrations took most of a minute to skip."""
    return django_db_setup


@pytest.fixture(scope="session", autouse=True)
def _serialized_rollback_survives_playwright(request, django_db_setup):
    """Hand the database contents serialized at setup to the connection Django uses once Playwright runs.

    Starting Playwright's sync API gives the test thread a new context, and with it a new connection
    object, without the contents serialized rollback restores. When database tests ran first in the same
    pytest run, the browser tests would silently start from whatever the last flush left.
    """
    from django.db import connection

    contents = getattr(connection, "_test_serialized_contents", None)
    request.getfixturevalue("playwright")
    if contents is not None and not hasattr(connection, "_test_serialized_contents"):
        connection._test_serialized_contents = contents


@pytest.fixture(scope="session", autouse=True)
def _migrated_rows_from_a_copy(_serialized_rollback_survives_playwright, django_db_blocker):
    """Each test's serialized rollback puts the migrated rows back from a copy (tests/browser/migrated_rows.py),
    and on PostgreSQL each test's flush deletes rather than truncates (tests/browser/flush_by_delete.py)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        flush_by_delete(monkeypatch)
        with django_db_blocker.unblock():
            restore_from_a_copy(monkeypatch)
        yield


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM_PATH, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "en-GB", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def artifacts_dir():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def demo(db):
    """The demo board, in the live server's database (tests/browser/demo_cache.py)."""
    load_demo()
