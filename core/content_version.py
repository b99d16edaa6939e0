"""One number that changes whenever anything a paper can show changes, kept by the database itself.

A paper's file and page are found by the hash of the paper's content, which means building the paper (dozens of
queries) just to learn that nothing changed. Most tables have no change stamp, and imports write with
`QuerySet.update()` and `bulk_create`, which skip save signals, so only the database sees every write: a trigger
on every watched table raises the one-row counter `ContentVersion`. A reader who finds the counter where it was when
a paper was last built knows that paper still stands (see `VersionedKey` and objectives.paper.generated).

Tables are watched by EXCLUSION: every table of our apps (and the user's names) is watched unless `EXCLUDED`
names it with a reason, so a new model is safe without anyone remembering it. `install()` runs after every
`migrate` (core.apps), which also covers SQLite's way of altering a column (it remakes the table, dropping its
triggers); tests/core/test_content_version.py fails when a table is neither watched nor excluded.

PostgreSQL: the counter is raised at COMMIT, once per transaction, by a deferred constraint trigger. Raising it
as each row is written would lock the counter row in the middle of a transaction that goes on to lock other rows:
two writers could each hold what the other waits for. Deferred to commit, it is the last lock a transaction takes,
so a writer waiting for it holds nothing the counter's holder still needs (Django's foreign keys are deferred too
and take only KEY SHARE locks, which no ordinary update blocks), and the holder commits at once. A transaction
remembers its id in a transaction-local setting, so a 1,000-row import raises the counter once.
SQLite: plain row triggers; SQLite lets one writer in at a time, so there is nothing to deadlock.

TRUNCATE is not watched: the product never truncates, and Django's `flush` (tests) truncates the counter and
`VersionedKey` together, so no stored key outlives the content it was for; a missing counter means "unknown",
which always builds (see `current()`).
"""

import functools
import hashlib
from pathlib import Path

from django.apps import apps as live_apps
from django.conf import settings
from django.db import connection as default_connection
from django.db import connections

# Whose tables a paper may read. Django's own (sessions, admin log), axes and django-tasks are not among them.
WATCHED_APPS = ("auth", "core", "objectives", "training", "reviews", "assurance", "budget", "audit", "mscb")

# Tables of those apps no paper reads and that are written often (each write would make the next download build
# the paper again). Anything not listed is watched: leave a table out only with a reason.
EXCLUDED = {
    "core_contentversion": "the counter itself",
    "core_versionedkey": "what a version was found to hold; written after each build",
    "core_generatedfile": "the files made from papers: making one must not make the paper look changed",
    "core_stagedupload": "an uploaded file waiting to be checked and confirmed; the import writes the real rows",
    "audit_securityevent": "the security log, written on nearly every request",
    "objectives_emaillog": "e-mails sent",
    "objectives_reminderlog": "reminders sent",
    "objectives_digestitem": "notifications waiting for a digest",
    "objectives_notificationpreference": "who wants which e-mails",
    "mscb_passwordresetrequest": "password resets",
    # Names are watched on auth_user itself.
    "mscb_historicaluser": "the user's history gains a row at every sign-in (last_login)",
    "auth_permission": "permissions: who may see a paper is not what it shows",
    "auth_group_permissions": "as auth_permission",
    "auth_user_user_permissions": "as auth_permission",
}

# Tables where only some columns are shown: a sign-in writes auth_user.last_login, which no paper shows.
WATCHED_COLUMNS = {"auth_user": ("username", "first_name", "last_name", "email", "is_active")}

_PREFIX = "cv_"
_FUNCTION = "core_bump_content_version"
_BUMP_SQLITE = (
    "INSERT INTO core_contentversion (id, value) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET value = value + 1"
)
_FUNCTION_POSTGRESQL = f"""
CREATE OR REPLACE FUNCTION {_FUNCTION}() RETURNS trigger AS $$
BEGIN
    -- Once per transaction: later rows of the same transaction find its id already noted.
    IF current_setting('core.content_version_txid', true) IS DISTINCT FROM txid_current()::text THEN
        PERFORM set_config('core.content_version_txid', txid_current()::text, true);
        INSERT INTO core_contentversion (id, value) VALUES (1, 1)
            ON CONFLICT (id) DO UPDATE SET value = core_contentversion.value + 1;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""


def watched_tables(apps=live_apps) -> list[str]:
    """Every table of WATCHED_APPS (many-to-many and history tables too) but the excluded ones."""
    tables = {
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in WATCHED_APPS and model._meta.managed and not model._meta.proxy
    }
    return sorted(tables - EXCLUDED.keys())


def triggered_tables(connection=default_connection) -> set[str]:
    """The tables that have the counter's trigger in this database."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT DISTINCT tgrelid::regclass::text FROM pg_trigger WHERE tgname LIKE %s", [_PREFIX + "%"]
            )
        else:
            cursor.execute(
                "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'cv\\_%' ESCAPE '\\'"
            )
        return {row[0].strip('"') for row in cursor.fetchall()}


def install(connection=default_connection, apps=live_apps) -> None:
    """Give each watched table that exists and has none yet its trigger."""
    existing = set(connection.introspection.table_names())
    if "core_contentversion" not in existing:  # migrated back before the counter
        return
    triggered = triggered_tables(connection)
    missing = [table for table in watched_tables(apps) if table in existing and table not in triggered]
    if not missing:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_FUNCTION_POSTGRESQL)
        for table in missing:
            for statement in _trigger_sql(connection.vendor, table):
                cursor.execute(statement)


def uninstall(connection=default_connection) -> None:
    with connection.cursor() as cursor:
        for table in triggered_tables(connection):
            if connection.vendor == "postgresql":
                cursor.execute(f'DROP TRIGGER IF EXISTS "{_PREFIX}{table}" ON "{table}"')
            else:
                for event in "iud":
                    cursor.execute(f'DROP TRIGGER IF EXISTS "{_PREFIX}{table}_{event}"')
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP FUNCTION IF EXISTS {_FUNCTION}()")


def _trigger_sql(vendor: str, table: str) -> list[str]:
    columns = WATCHED_COLUMNS.get(table)
    update = f"UPDATE OF {', '.join(columns)}" if columns else "UPDATE"
    if vendor == "postgresql":
        return [
            f'CREATE CONSTRAINT TRIGGER "{_PREFIX}{table}" AFTER INSERT OR {update} OR DELETE ON "{table}" '
            f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {_FUNCTION}()"
        ]
    return [
        f'CREATE TRIGGER IF NOT EXISTS "{_PREFIX}{table}_{event[0].lower()}" AFTER {event} ON "{table}" '
        f"BEGIN {_BUMP_SQLITE}; END"
        for event in ("INSERT", update, "DELETE")
    ]


def install_after_migrate(sender, using, **kwargs) -> None:
    """post_migrate: new tables, and tables SQLite remade to alter a column, get their triggers."""
    install(connections[using])


def current(connection=default_connection) -> int | None:
    """The content version now; None if unknown (the counter's row gone), which must never match a stored one."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM core_contentversion WHERE id = 1")
        row = cursor.fetchone()
    return None if row is None else row[0]


# What a release's code is made of, beside the data: a new release may render the same data differently.
_CODE_SUFFIXES = (".py", ".html", ".css", ".typ")
_NOT_CODE = {".venv", "tests", "node_modules", "staticfiles", ".git", "bench", "docs", "deploy"}


@functools.cache
def code_fingerprint() -> str:
    """A hash of this release's Python, templates and stylesheets, read once a process: part of every key found
    by the content version, so a release that renders the same data differently is never answered with what the
    previous one made (the files' RENDERING number is for the renderer's output, which this cannot see)."""
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    folders = [folder for folder in base.iterdir() if folder.is_dir() and folder.name not in _NOT_CODE]
    for path in sorted(path for folder in folders for path in folder.rglob("*")):
        if path.suffix not in _CODE_SUFFIXES or not path.is_file():
            continue
        relative = path.relative_to(base)
        digest.update(str(relative).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
