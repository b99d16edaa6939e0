"""A file kept between its upload and the moment it is applied."""

from django.conf import settings
from django.db import models


class StagedUploadQuerySet(models.QuerySet):
    def staged_by(self, user, *, kind: str):
        """One kind of upload, as only the person who uploaded a file may see or confirm it."""
        return self.filter(kind=kind, uploaded_by=user)


class CheckStatus(models.TextChoices):
    """Where the background check of an upload is; an upload staged and applied at once is never queued."""

    QUEUED = "queued", "Waiting to be checked"
    CHECKING = "checking", "Being checked"
    CHECKED = "checked", "Checked"
    FAILED = "failed", "Could not be checked"


class StagedUpload(models.Model):
    """An uploaded file kept between its preview and its confirmation, for any import.

    Kept in the database, not the session or a temporary file, so any app server can show and confirm it.
    `kind` says which import it is for (each feature app names its own, such as "plan"); the target is what the
    import goes into, as plain values so the shared layer names no feature's model: `target_id` is the row's id
    (a review, a training session) and `target_name` a name where the target may not exist yet (a new plan's title).
    """

    kind = models.CharField(max_length=40)
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    target_name = models.CharField(max_length=200, blank=True)
    token = models.CharField(max_length=64, unique=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    file_name = models.CharField(max_length=255)
    content = models.BinaryField()
    # Set in the same transaction as the import's writes, so it is set exactly when they were made.
    applied_at = models.DateTimeField(null=True, blank=True)
    # The background check (core.upload_checks) writes its progress here, where every app server and the worker
    # see it. Uploads from before the check, and those applied at once, count as checked.
    check_status = models.CharField(max_length=10, choices=CheckStatus, default=CheckStatus.CHECKED)
    row_count = models.PositiveIntegerField(null=True, blank=True)
    rows_checked = models.PositiveIntegerField(default=0)
    check_message = models.TextField(blank=True)

    objects = StagedUploadQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at"]
        indexes = [models.Index(fields=["kind", "target_id"], name="stagedupload_kind_target")]

    def __str__(self):
        return f"{self.file_name} ({self.kind}: {self.target_name or self.target_id})"

    @property
    def is_being_checked(self) -> bool:
        return self.check_status in (CheckStatus.QUEUED, CheckStatus.CHECKING)

    @property
    def is_applied(self) -> bool:
        return self.applied_at is not None
