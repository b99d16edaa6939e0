"""How the suite runs (browser tests apart, a kept database made whole), then the role fixtures.

Role fixtures: the people the authorization tests act as.

- board_manager: the Board managers role (and staff, for the admin);
- contributor: an Agency contributor in `lead_agency`, which leads `led_action`;
- other_contributor: an Agency contributor in another agency;
- reader: the chair, a board member or a councillor;
- training_admin: runs courses, sessions and registrations.
"""

import importlib
from pathlib import Path

import pytest
import typst
from django.apps import apps
from django.db import connection
from django_tasks import default_task_backend

from objectives import roles
from tests.factories import ActionFactory, AgencyFactory, UserFactory
from training.roles import TRAINING_ADMINS

BROWSER_TESTS = Path(__file__).resolve().parent / "browser"
# pytest-playwright's fixtures, and the live server they drive: asking for any of them (even by naming a
# parametrize argument `page`) makes a browser test, which flushes the database when it ends.
BROWSER_FIXTURES = frozenset({"page", "context", "browser", "browser_name", "live_server"})
# The data migrations whose rows tests read (bank holidays, subgroups, CDOP categories, covering report headings).
DATA_MIGRATIONS = [
    "objectives.migrations.0011_fill_committee_headings",
    "reviews.migrations.0002_fill_bank_holidays_2012_to_2030",
    "reviews.migrations.0004_fill_subgroups_and_cdop_categories",
]


def pytest_collection_modifyitems(config, items):
    """Mark everything under tests/browser `browser`; refuse browser fixtures anywhere else.

    `make test` runs the database tests and the browser tests in separate pytest runs (`-m "not browser"`,
    then `-m browser`), so the browser tests' flushes never empty the data-migration rows other tests read.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            # A flush that re-runs post_migrate makes the roles again under new ids, and the next
            # serialized restore then collides with them: every transactional test restores instead.
            raise pytest.UsageError(f"{item.nodeid}: a transactional test needs serialized_rollback=True")
        if BROWSER_TESTS in item.path.parents:
            item.add_marker(pytest.mark.browser)
            continue
        used = BROWSER_FIXTURES.intersection(getattr(item, "fixturenames", ()))
        if used:
            raise pytest.UsageError(
                f"{item.nodeid} asks for {', '.join(sorted(used))}: browser tests live in tests/browser "
                "(rename a parametrize argument that clashes with a pytest-playwright fixture)"
            )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, django_db_keepdb):
    """A database kept by --reuse-db (`make test-fast`) is whole again before any test reads it.

    Migrations already applied do not run again on a kept database, and a transactional test in the run
    that kept it left it flushed. Filling is idempotent, so an intact database is unchanged.
    """
    if not django_db_keepdb:
        return
    with django_db_blocker.unblock():
        for name in DATA_MIGRATIONS:
            importlib.import_module(name).fill(apps, None)
        if hasattr(connection, "_test_serialized_contents"):  # what serialized rollback restores
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def board_manager(db):
    return UserFactory(
        username="manager", first_name="Morgan", last_name="Manager", is_staff=True, roles=[roles.BOARD_MANAGERS]
    )


@pytest.fixture
def manager_client(client, board_manager):
    client.force_login(board_manager)
    return client


@pytest.fixture
def lead_agency(db):
    return AgencyFactory(name="Fenbridge Police", short_name="Police")


@pytest.fixture
def other_agency(db):
    return AgencyFactory(name="Fenbridge Community Health", short_name="Health")


@pytest.fixture
def led_action(lead_agency):
    return ActionFactory(lead_agencies=[lead_agency])


@pytest.fixture
def contributor(lead_agency):
    return UserFactory(
        username="contributor",
        first_name="Pat",
        last_name="Officer",
        roles=[roles.AGENCY_CONTRIBUTORS],
        agencies=[lead_agency],
    )


@pytest.fixture
def other_contributor(other_agency):
    return UserFactory(username="other.contributor", roles=[roles.AGENCY_CONTRIBUTORS], agencies=[other_agency])


@pytest.fixture
def reader(db):
    return UserFactory(username="chair", roles=[roles.READERS])


@pytest.fixture
def contributor_client(client, contributor):
    client.force_login(contributor)
    return client


@pytest.fixture
def other_contributor_client(client, other_contributor):
    client.force_login(other_contributor)
    return client


@pytest.fixture
def reader_client(client, reader):
    client.force_login(reader)
    return client


@pytest.fixture
def training_admin(db):
    return UserFactory(username="trainer", first_name="Toni", last_name="Trainer", roles=[TRAINING_ADMINS])


@pytest.fixture
def training_admin_client(client, training_admin):
    client.force_login(training_admin)
    return client


# Work done by the task worker (i16-tasks): see tests/background_tasks.py for running it.
QUEUE_ONLY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def queue_only(settings):
    """A queue that keeps tasks until the test runs them, as the database queue keeps them for `db_worker`."""
    settings.TASKS = QUEUE_ONLY
    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()


class _CompilerWithoutFonts:
    """Typst's compiler failing as it does when no font can be read or memory runs out."""

    def __init__(self, *args, **kwargs):
        pass

    def compile(self, *args, **kwargs):
        raise OSError("No usable font was found")


@pytest.fixture
def broken_pdf_engine(monkeypatch):
    """The PDF engine, Typst, failing as it does when a font is missing or memory runs out."""
    monkeypatch.setattr(typst, "Compiler", _CompilerWithoutFonts)
