"""Making a file in the background: ask for it by its content's hash, build it in a task, find it again anywhere.

A feature app gives each kind of file a task of its own that calls `build()` with its builder, so the shared layer
names no feature; the page that offers the file calls `request_file()` and `serve()` (core.generated_views).
"""

import hashlib
import logging
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Subquery
from django.utils import timezone

from . import content_version
from .models import ContentVersion, GeneratedFile, VersionedKey

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
    generated, created = _found_or_created(kind=kind, key=key, source_label=source_label, source=source)
    return _enqueue(generated, task) if created else generated


def _found_or_created(*, kind: str, key: str, **fields) -> tuple[GeneratedFile, bool]:
    """The file kept for this content, or a new one with `fields`, and whether it is new. Another request making
    the same content a moment ago wins the unique key, and both share its file."""
    # What it was made from can be a whole paper's data, and is read only by the worker that makes it.
    found = GeneratedFile.objects.defer("source").filter(kind=kind, key=key).first()
    if found is not None:
        return found, False
    try:
        with transaction.atomic():
            return GeneratedFile.objects.create(kind=kind, key=key, **fields), True
    except IntegrityError:
        return GeneratedFile.objects.defer("source").get(kind=kind, key=key), False


def unchanged_file(*, kind: str, scope: str) -> tuple[GeneratedFile | None, int | None]:
    """The file last made for `scope` if nothing it could show has changed since (core.content_version), in one
    query; otherwise None and the content version as it is now, to `remember()` once the content is built from
    what the database holds from now on. Read before building: a build that sees a newer commit only makes the
    stored file newer than the version, and that commit moved the version on, so later readers build again.

    Inside a transaction the version cannot vouch for what it sees: its own writes raise the version only when
    it commits (PostgreSQL), so (None, None) and the caller builds as before."""
    if connection.in_atomic_block:
        return None, None
    version = ContentVersion.objects.filter(pk=1).values("value")
    key = VersionedKey.objects.filter(scope=scope, version=Subquery(version)).values("key")[:1]
    found = GeneratedFile.objects.defer("source").filter(kind=kind, key=Subquery(key)).first()
    if found is not None:
        return found, None
    return None, content_version.current()


def remember(*, scope: str, version: int | None, key: str) -> None:
    """Note that at `version` the content of `scope` had the hash `key`, unless a newer version is noted already."""
    if version is None:
        return
    if VersionedKey.objects.filter(scope=scope, version__lte=version).update(version=version, key=key):
        return
    try:
        with transaction.atomic():
            VersionedKey.objects.create(scope=scope, version=version, key=key)
    except IntegrityError:  # a newer version is noted already, or another request noted this one a moment ago
        pass


def keep(*, kind: str, key: str, source_label: str, content: bytes) -> GeneratedFile:
    """Keep something made in the request itself (cheaper than a task), as a ready file found again by its key."""
    kept, _ = _found_or_created(kind=kind, key=key, source_label=source_label, status=Status.READY, content=content)
    return kept


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
    # A version's note of a file that is gone can only send its reader to build again; one a scope (and the
    # scope names the day), so without this they would pile up.
    VersionedKey.objects.exclude(key__in=GeneratedFile.objects.values("key")).delete()
    return deleted, stuck
