"""A copy of every model table's rows, kept beside them in the same database and put back with one INSERT each.

Django's serialized rollback saves objects one at a time, two queries a row: for the demo's thousands of rows that
is seconds a test, most on PostgreSQL. Copying tables inside the database takes milliseconds. The copy lives in a
schema of its own on PostgreSQL, and in an attached in-memory database on SQLite (the test database there is in
memory, shared with the live server's threads through one connection); Django's flush empties only the model
tables, so the copy outlives every test.
"""

import sqlite3

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction

# SQLite: the in-memory databases holding the copies, each kept open by a connection of its own for the whole run.
_sqlite_keepers: dict[str, sqlite3.Connection] = {}


def _schema(name: str) -> str:
    """Where the copies called `name` live: a schema, or a database attached (again, if the test thread's
    connection changed under Playwright) to the connection the test and the live server share."""
    schema = f"copy_{name}"
    if connection.vendor != "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
        return schema
    uri = f"file:{schema}?mode=memory&cache=shared"
    if schema not in _sqlite_keepers:
        _sqlite_keepers[schema] = sqlite3.connect(uri, uri=True, check_same_thread=False)
    with connection.cursor() as cursor:
        attached = {row[1] for row in cursor.execute("PRAGMA database_list").fetchall()}
        if schema not in attached:
            cursor.execute(f"ATTACH DATABASE '{uri}' AS {schema}")
    return schema


def _model_tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))


def _has_rows(cursor, table: str) -> bool:
    cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")
    return cursor.fetchone() is not None


class TableCopy:
    """The rows of every model table as they stand, under a name (say "demo"), to put back as often as needed."""

    def __init__(self, name: str):
        self.name, quote = name, connection.ops.quote_name
        schema = _schema(name)
        self.tables, copied = [], set()
        with transaction.atomic(), connection.cursor() as cursor:
            for table in _model_tables():
                if not _has_rows(cursor, table):
                    continue
                copy = f"{schema}.{quote(table)}"
                cursor.execute(f"DROP TABLE IF EXISTS {copy}")
                cursor.execute(f"CREATE TABLE {copy} AS SELECT * FROM {quote(table)}")
                self.tables.append((quote(table), copy))
                copied.add(table)
        self.models = [model for model in apps.get_models(include_auto_created=True) if model._meta.db_table in copied]

    def restore(self) -> None:
        """Each copied table holds exactly its copied rows again; other tables are left as they are.

        Django's foreign keys are checked at commit on both databases, so the order of tables does not matter.
        """
        _schema(self.name)
        with transaction.atomic(), connection.cursor() as cursor:
            for table, copy in self.tables:
                cursor.execute(f"DELETE FROM {table}")
                cursor.execute(f"INSERT INTO {table} SELECT * FROM {copy}")
            # Rows come back with their ids; PostgreSQL's sequences must move past them before a test adds its own.
            for statement in connection.ops.sequence_reset_sql(no_style(), self.models):
                cursor.execute(statement)
