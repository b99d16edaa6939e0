"""Proof 5: pg_dump, restored into a fresh database, gives every table's rows back unchanged."""

import subprocess
from pathlib import Path

from .stack import fresh_database, psql

# Each table's row count and the md5 of its rows in a fixed order, as one line "table|count|md5".
_FINGERPRINTS = """
SELECT string_agg(format(
  'SELECT %L || ''|'' || count(*) || ''|'' '
  '|| coalesce(md5(string_agg(t::text, E''\\n'' ORDER BY t::text)), '''') FROM %I t',
  tablename, tablename), ' UNION ALL ' ORDER BY tablename)
FROM pg_tables WHERE schemaname = 'public'
"""


def fingerprints(database: str) -> dict[str, str]:
    query = psql(database, _FINGERPRINTS).strip()
    lines = psql(database, query).splitlines()
    return dict(line.split("|", 1) for line in lines)


def dump_and_restore(database: str, restored: str, folder: Path) -> tuple[bool, str]:
    dump = folder / "backup.dump"
    connection = ["-h", "127.0.0.1", "-U", "postgres"]
    subprocess.run(["pg_dump", *connection, "-Fc", "-f", str(dump), database], check=True)
    fresh_database(restored)
    subprocess.run(["pg_restore", *connection, "--no-owner", "-d", restored, str(dump)], check=True)
    before, after = fingerprints(database), fingerprints(restored)
    rows = sum(int(value.split("|")[0]) for value in before.values())
    differ = sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))
    figure = (
        f"{len(before)} tables, {rows} rows, {dump.stat().st_size // 1024} KB dump: "
        f"{len(differ)} tables differ after restore" + (f" ({', '.join(differ[:5])})" if differ else "")
    )
    return bool(before) and not differ, figure
