"""Staging an uploaded file and applying it once: the part of every import that is not about its file's contents.

A feature stages the upload (`stage_upload`), shows what it would do, and on confirmation hands its own apply
function to `claim_and_apply`, which claims the upload and runs the function in one transaction. A second
click, or a second app server, finds the upload claimed and applies nothing; an apply function that raises
undoes its writes and the claim together, so the upload can be confirmed again once the file fits.
"""

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from .fingerprints import fingerprint
from .models import StagedUpload


class NotApplied(Exception):  # noqa: N818 - it is an outcome, not a failure
    """Raised by an apply function that finds it must write nothing; `result` says why, for the page."""

    def __init__(self, result: Any):
        super().__init__("The upload was not applied.")
        self.result = result


class PreviewChanged(NotApplied):
    """Raised when the changes worked out on confirming are not those the preview showed: `result` is the new one."""


@dataclass(frozen=True)
class Claim:
    """What claim_and_apply did: `claimed` is False when the upload had been applied already."""

    upload: StagedUpload
    claimed: bool
    result: Any = None


@dataclass
class Preview:
    """What importing a staged upload would do: the checker's `changes`, or the `problem` that stops reading it.

    An applied upload's page has neither: it says when the file was imported.
    """

    upload: StagedUpload
    changes: Any = None
    problem: str = ""

    @property
    def can_apply(self) -> bool:
        return not self.problem and self.changes is not None and self.changes.can_apply

    @property
    def fingerprint(self) -> str:
        """The fingerprint of the changes shown, which the preview page posts with its confirmation."""
        return fingerprint(self.changes) if self.changes is not None else ""


def stage_upload(
    *,
    kind: str,
    uploaded_by: AbstractBaseUser,
    file_name: str,
    content: bytes,
    target_id: int | None = None,
    target_name: str = "",
) -> StagedUpload:
    """Keep an uploaded file until it is confirmed, under a token too long to guess."""
    upload = StagedUpload(
        kind=kind,
        target_id=target_id,
        target_name=target_name,
        token=secrets.token_urlsafe(32),
        uploaded_by=uploaded_by,
        file_name=file_name,
        content=content,
    )
    upload.full_clean()
    upload.save()
    return upload


def claim_and_apply(*, upload: StagedUpload, apply: Callable[[StagedUpload], Any]) -> Claim:
    """Claim the upload and call apply(upload) in one transaction; the result is the function's.

    An exception from apply (NotApplied, a ValidationError, an IntegrityError) rolls back its writes and the
    claim alike and reaches the caller.
    """
    with transaction.atomic():
        # The conditional UPDATE is the lock: on PostgreSQL a second confirmation waits on the row until the first
        # commits and then matches nothing; on SQLite it starts the write at once, so the two queue rather than
        # deadlock, as reading the row FOR UPDATE first would.
        claimed = StagedUpload.objects.filter(pk=upload.pk, applied_at__isnull=True).update(applied_at=timezone.now())
        if not claimed:
            return Claim(upload=upload, claimed=False)
        upload.refresh_from_db(fields=["applied_at"])
        try:
            result = apply(upload)
        except BaseException:
            upload.applied_at = None
            raise
    return Claim(upload=upload, claimed=True, result=result)
