"""Making a file in the background: ask for it by its content's hash, build it in a task, find it again anywhere.

A feature app gives each kind of file a task of its own that calls `build()` with its builder, so the shared layer
names no feature; the page that offers the file calls `request_file()` and `serve()` (core.generated_views).
"""

import hashlib
import logging
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import GeneratedFile

logger = logging.getLogger(__name__)
Status = GeneratedFile.Status


def content_key(*parts: str) -> str:
    """The SHA-256 of what a file is made from (its HTML, its data as JSON, the renderer's version)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def request_file(*, kind: str, key: str, source_label: str, source: dict, task) -> GeneratedFile:
    """The file for this content as it stands now: a new one is queued, and read again afterwards, as a queue
    that runs tasks at once (development, tests) has made it by then."""
    # What it was made from can be a whole paper's data, and is read only by the worker that makes it.
    found = GeneratedFile.objects.defer("source").filter(kind=kind, key=key).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            generated = GeneratedFile.objects.create(kind=kind, key=key, source_label=source_label, source=source)
    except IntegrityError:  # another request asked for the same file a moment ago: share its build
        return GeneratedFile.objects.defer("source").get(kind=kind, key=key)
    return _enqueue(generated, task)


def retry(generated: GeneratedFile, task) -> GeneratedFile:
    """Queue a failed file again; one already queued, being made or ready is left as it is."""
    if GeneratedFile.objects.filter(pk=generated.pk, status=Status.FAILED).update(
        status=Status.QUEUED, error="", updated_at=timezone.now()
    ):
        return _enqueue(generated, task)
    generated.refresh_from_db()
    return generated


def _enqueue(generated: GeneratedFile, task) -> GeneratedFile:
    try:
        task.enqueue(generated.pk)
    except Exception as error:  # whatever the queue's backend raises, the page that asked must not break
        logger.exception("Could not queue the %s %s", generated.kind, generated.pk)
        _finish(generated.pk, Status.FAILED, error=f"It could not be queued: {error}")
    generated.refresh_from_db()
    return generated


def build(file_id: int, builder: Callable[[dict], bytes]) -> None:
    """Make a queued file with `builder(source)` and keep the bytes or the reason it failed; a file another worker
    has taken, or that is already made, is left alone, so a task run twice builds once."""
    if not GeneratedFile.objects.filter(pk=file_id, status=Status.QUEUED).update(
        status=Status.BUILDING, updated_at=timezone.now()
    ):
        return
    generated = GeneratedFile.objects.get(pk=file_id)
    try:
        content = builder(generated.source)
    except Exception as error:  # a missing font, memory, a refused fetch: the person who asked is told, not a 500
        logger.exception("Could not make the %s of %s", generated.kind, generated.source_label)
        _finish(file_id, Status.FAILED, error=f"{type(error).__name__}: {error}")
        return
    _finish(file_id, Status.READY, content=content)


def _finish(file_id: int, status: str, *, content: bytes = b"", error: str = "") -> None:
    GeneratedFile.objects.filter(pk=file_id).update(
        status=status, content=content, error=error, updated_at=timezone.now()
    )


# Far longer than the largest paper takes (under ten seconds for 200 actions): a file still being made after this
# lost its worker (stopped, out of memory) and would otherwise say "being prepared" for ever.
STUCK_AFTER = timedelta(minutes=30)


def clean(*, now=None) -> tuple[int, int]:
    """Delete the files nobody needs any more (see GeneratedFileQuerySet.unneeded) and mark as failed those whose
    worker stopped, so their page offers "Try again"; how many of each."""
    now = now or timezone.now()
    stuck = GeneratedFile.objects.filter(status=Status.BUILDING, updated_at__lt=now - STUCK_AFTER).update(
        status=Status.FAILED, error="The worker making it stopped before it finished.", updated_at=now
    )
    deleted, _ = GeneratedFile.objects.unneeded(now=now, keep_days=settings.GENERATED_FILE_KEEP_DAYS).delete()
    return deleted, stuck
