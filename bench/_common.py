"""What every benchmark shares: a throwaway database of its own, Django set up on it, and the timed request.

Imported first by each script (they run as `python bench/<name>.py`, so this folder is on the path).
"""

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup_django(database_name: str) -> None:
    """Start Django on a new SQLite file in a temporary folder: never db.sqlite3, never DATABASE_URL's database."""
    sys.path.insert(0, str(ROOT))
    # Set before Django reads the settings: a database of our own, and development settings.
    database = Path(tempfile.mkdtemp(prefix="mscb-bench-")) / f"{database_name}.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["DJANGO_DEBUG"] = "true"
    os.environ["MFA_REQUIRED"] = "false"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mscb.settings")
    import django

    django.setup()


def timed_gets(client, url: str, runs: int, *, before_each: Callable[[], None] | None = None):
    """Ask for `url` `runs` times; the seconds each took and the last response (each must answer 200)."""
    seconds, response = [], None
    for _ in range(runs):
        if before_each is not None:
            before_each()
        started = time.perf_counter()
        response = client.get(url)
        seconds.append(time.perf_counter() - started)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
    return seconds, response
