"""The bench's settings: the deployment's own (deploy/env.example, as deploy/check's Stack reads it), on a
PostgreSQL database of the bench's own, with three gunicorn workers. The bench process uses them too, so its
query counts, papers and imports run with DEBUG off and the production settings."""

import os
import sys
from pathlib import Path

from deploy.check import stack

# A developer may run two benches at once (two branches) by naming another database.
DATABASE = os.environ.get("BENCH_DATABASE", "mscb_bench")
WORKERS = 3


def bench_stack(folder: Path, ports: dict[str, int]) -> stack.Stack:
    bench = stack.Stack(folder, DATABASE, ports)
    bench.env["WEB_CONCURRENCY"] = str(WORKERS)
    return bench


def setup_django(bench: stack.Stack) -> None:
    """Django in this process on the bench's settings; background tasks run at once here (papers, imports)."""
    sys.path.insert(0, str(stack.units.PROJECT))
    os.environ.update(bench.env)
    os.environ["TASKS_BACKEND"] = "immediate"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mscb.settings")
    import django

    django.setup()
