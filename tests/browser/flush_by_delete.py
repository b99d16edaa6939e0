"""On PostgreSQL, the flush after each browser test deletes rows rather than truncating every table.

Django's flush truncates all the model tables in one statement, and PostgreSQL truncates by making each table (and
its indexes) anew on disk: seconds a test with this many tables, on a busy machine four. The tables a browser
test fills hold a few thousand rows at most, and deleting them, with the foreign keys checked at commit as Django
declares them, takes milliseconds. The tables end as empty either way; SQLite's flush deletes already.
"""

from django.db import connection


def flush_by_delete(monkeypatch) -> None:
    if connection.vendor != "postgresql":
        return
    operations = type(connection.ops)
    truncate = operations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        # Django's own flush where it differs from the browser tests': sequences reset, or cascading.
        if reset_sequences or allow_cascade or not tables:
            return truncate(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        return [f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))};" for table in tables]

    monkeypatch.setattr(operations, "sql_flush", sql_flush)
