"""What /health/ checks: the database answers, the disk has room, and the task queue is being worked.

Each check returns a problem in words for the log, or "" when all is well. They are cheap (one query each at
most), as a load balancer or monitor calls them every few seconds.
"""

import shutil
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Q
from django.utils import timezone


def database_problem() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return f"database: {type(error).__name__}"
    return ""


def disk_problem() -> str:
    """The app's own disk: gunicorn's temporary files, the logs and the static files live there."""
    free_mb = shutil.disk_usage(settings.BASE_DIR).free // (1024 * 1024)
    if free_mb < settings.HEALTH_MIN_FREE_DISK_MB:
        return f"disk: {free_mb} MB free, under {settings.HEALTH_MIN_FREE_DISK_MB} MB"
    return ""


def task_queue_problem() -> str:
    """With TASKS_BACKEND=database, a task ready to run for longer than the limit means no worker is running.

    A task's wait starts when it was queued, or at its run_after time for one queued for later.
    """
    if not apps.is_installed("django_tasks_db"):
        return ""
    from django_tasks_db.models import DBTaskResult, get_date_max

    cutoff = timezone.now() - timedelta(minutes=settings.HEALTH_TASK_MAX_WAIT_MINUTES)
    waited_since_queued = Q(run_after=get_date_max(), enqueued_at__lt=cutoff)
    stalled = DBTaskResult.objects.ready().filter(waited_since_queued | Q(run_after__lt=cutoff))
    if stalled.exists():
        return f"task queue: a task has waited over {settings.HEALTH_TASK_MAX_WAIT_MINUTES} minutes for a worker"
    return ""


CHECKS = [database_problem, disk_problem, task_queue_problem]


def problems() -> list[str]:
    found = []
    for check in CHECKS:
        problem = check()
        if problem:
            found.append(problem)
            if check is database_problem:
                break  # The queue check needs the database too; one line is enough.
    return found
