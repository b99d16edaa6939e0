"""One number that changes whenever anything a paper can show changes, kept by the database itself.

A paper's file and page are found by the hash of the paper's content, which means building the paper (dozens of
queries) just to learn that nothing changed. Most tables have no change stamp, and imports write with
`QuerySet.update()` and `bulk_create`, which skip save signals, so only the database sees every write: a trigger
on every watched table raises the one-row counter `ContentVersion`. A reader who finds the counter where it was when
a paper was last built knows that paper still stands (see `VersionedKey` and objectives.paper.generated).

Tables are watched by EXCLUSION: every table of our apps (and the user's names) is watched unless `EXCLUDED`
names it with a reason, so a new model is safe without anyone remembering it. Progress updates count only when
accepted (WATCHED_ROWS): no paper shows a draft, and drafts are most of what is written. `install()` runs after every
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

# Tables where only some rows are shown, as (column, value). A paper reads only accepted progress
# (objectives.selectors.report.latest_accepted_updates), while officers save, submit and have returned their drafts
# all through a round: had each of those writes raised the counter, every paper would be built again after every
# draft saved, though none of them shows a draft. A row counts if it is accepted before or after the write, so
# accepting, editing an accepted update, returning one and deleting one all raise it.
# tests/core/test_content_version.py checks the value against ProgressUpdate.State.ACCEPTED.
WATCHED_ROWS = {
    "objectives_progressupdate": ("state", "accepted"),
    "objectives_historicalprogressupdate": ("state", "accepted"),
}

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
    """The tables that have the counter's triggers in this database."""
    return set(_installed(connection).values())


def install(connection=default_connection, apps=live_apps) -> None:
    """Give each watched table that exists the triggers it should have, and drop the counter's other triggers (a
    table no longer watched, or a trigger an earlier release defined differently)."""
    existing = set(connection.introspection.table_names())
    if "core_contentversion" not in existing:  # migrated back before the counter
        return
    installed = _installed(connection)
    wanted = {
        name: statement
        for table in watched_tables(apps)
        if table in existing
        for name, statement in _triggers(connection.vendor, table).items()
    }
    stale = {name: table for name, table in installed.items() if name not in wanted}
    missing = [statement for name, statement in wanted.items() if name not in installed]
    if not stale and not missing:
        return
    with connection.cursor() as cursor:
        for name, table in stale.items():
            cursor.execute(_drop_sql(connection.vendor, name, table))
        if connection.vendor == "postgresql" and missing:
            cursor.execute(_FUNCTION_POSTGRESQL)
        for statement in missing:
            cursor.execute(statement)


def uninstall(connection=default_connection) -> None:
    with connection.cursor() as cursor:
        for name, table in _installed(connection).items():
            cursor.execute(_drop_sql(connection.vendor, name, table))
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP FUNCTION IF EXISTS {_FUNCTION}()")


def _installed(connection) -> dict[str, str]:
    """The counter's triggers in this database: each one's table, by the trigger's name."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname, tgrelid::regclass::text FROM pg_trigger WHERE tgname LIKE %s", [_PREFIX + "%"]
            )
        else:
            cursor.execute(
                "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'cv\\_%' ESCAPE '\\'"
            )
        return {name: table.strip('"') for name, table in cursor.fetchall()}


def _triggers(vendor: str, table: str) -> dict[str, str]:
    """The statements that make a table's triggers, by the trigger's name."""
    columns = WATCHED_COLUMNS.get(table)
    update = f"UPDATE OF {', '.join(columns)}" if columns else "UPDATE"
    rows = WATCHED_ROWS.get(table)
    if rows:
        # One trigger an event: an INSERT has no OLD row to test, a DELETE no NEW one. "_rows" in the names, so
        # the triggers of a release before WATCHED_ROWS, which fired on every row, are found stale and dropped.
        column, value = rows
        shown = {row: f"{row}.\"{column}\" = '{value}'" for row in ("OLD", "NEW")}
        events = {
            "i": ("INSERT", shown["NEW"]),
            "u": (update, f"{shown['OLD']} OR {shown['NEW']}"),
            "d": ("DELETE", shown["OLD"]),
        }
        return {
            f"{_PREFIX}{table}_{key}_rows": _trigger_sql(vendor, f"{_PREFIX}{table}_{key}_rows", table, event, when)
            for key, (event, when) in events.items()
        }
    if vendor == "postgresql":  # one trigger for all three events
        name = f"{_PREFIX}{table}"
        return {name: _trigger_sql(vendor, name, table, f"INSERT OR {update} OR DELETE", None)}
    events = {"i": "INSERT", "u": update, "d": "DELETE"}
    return {
        f"{_PREFIX}{table}_{key}": _trigger_sql(vendor, f"{_PREFIX}{table}_{key}", table, event, None)
        for key, event in events.items()
    }


def _trigger_sql(vendor: str, name: str, table: str, events: str, when: str | None) -> str:
    if vendor == "postgresql":
        condition = f" WHEN ({when})" if when else ""
        return (
            f'CREATE CONSTRAINT TRIGGER "{name}" AFTER {events} ON "{table}" '
            f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW{condition} EXECUTE FUNCTION {_FUNCTION}()"
        )
    condition = f" WHEN {when}" if when else ""
    return f'CREATE TRIGGER IF NOT EXISTS "{name}" AFTER {events} ON "{table}"{condition} BEGIN {_BUMP_SQLITE}; END'


def _drop_sql(vendor: str, name: str, table: str) -> str:
    if vendor == "postgresql":
        return f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"'
    return f'DROP TRIGGER IF EXISTS "{name}"'


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
