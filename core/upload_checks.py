"""Checking a staged upload in the background, with its progress kept on the upload for every app server to show.

The upload page stages the file and calls `queue_check` with the dotted path of its import's preview function
(core names no feature); the task reads and checks the file as the preview page would, writing nothing but the
upload's progress, and records the outcome. With the "immediate" task backend (development, tests) the check is done
before the upload page redirects; with the "database" backend it waits for `manage.py db_worker`.
"""

import logging
from collections.abc import Iterable, Iterator

from django.utils.module_loading import import_string
from django_tasks import task

from .models import CheckStatus, StagedUpload

logger = logging.getLogger(__name__)
# Rows between two progress writes: often enough for a page refreshed every 2 seconds, rarely enough to cost nothing.
PROGRESS_EVERY = 250
FAILED_MESSAGE = (
    "The file could not be checked because of an error on our side ({error}). Nothing was imported. "
    "Try uploading it again; if it fails again, tell the site's administrator."
)


class Progress:
    """Counts the rows a check has read, writing the count to the upload now and then."""

    def __init__(self, upload: StagedUpload):
        self.upload_id = upload.pk

    def each(self, rows: Iterable, *, total: int) -> Iterator:
        """Yield the rows, saying how many there are first and how many are done every PROGRESS_EVERY."""
        self._write(row_count=total, rows_checked=0)
        done = 0
        for row in rows:
            yield row
            done += 1
            if done % PROGRESS_EVERY == 0:
                self._write(rows_checked=done)
        self._write(rows_checked=done)

    def _write(self, **fields) -> None:
        StagedUpload.objects.filter(pk=self.upload_id).update(**fields)


def queue_check(upload: StagedUpload, *, checker: str) -> None:
    """Mark the upload as waiting and hand its check to the task queue; if the queue refuses it, say so."""
    _mark(upload.pk, CheckStatus.QUEUED)
    try:
        check_staged_upload.enqueue(upload.pk, checker)
    except Exception as error:  # whatever the queue's backend raises, the upload page must not break
        logger.exception("Could not queue the check of upload %s", upload.pk)
        _mark(upload.pk, CheckStatus.FAILED, FAILED_MESSAGE.format(error=type(error).__name__))
    upload.refresh_from_db(fields=["check_status", "row_count", "rows_checked", "check_message"])


@task()
def check_staged_upload(upload_id: int, checker: str) -> None:
    """Check a waiting upload with its import's preview function; one checked or applied already is left alone."""
    upload = StagedUpload.objects.filter(pk=upload_id, check_status=CheckStatus.QUEUED, applied_at__isnull=True)
    upload = upload.first()
    if upload is None:
        return
    _mark(upload_id, CheckStatus.CHECKING)
    try:
        preview = import_string(checker)(upload, progress=Progress(upload))
    except Exception as error:  # a bug or a file no reader expected: recorded for the page, never a silent death
        logger.exception("Could not check upload %s", upload_id)
        _mark(upload_id, CheckStatus.FAILED, FAILED_MESSAGE.format(error=type(error).__name__))
        return
    _mark(upload_id, CheckStatus.CHECKED, preview.problem)


def _mark(upload_id: int, status: str, message: str = "") -> None:
    StagedUpload.objects.filter(pk=upload_id).update(check_status=status, check_message=message)
