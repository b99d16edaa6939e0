"""Files made in the background (a committee paper's PDF, a yearly report's Word file), shared by every node."""

from datetime import timedelta

from django.db import models
from django.db.models import Exists, OuterRef


class GeneratedFileQuerySet(models.QuerySet):
    def unneeded(self, *, now, keep_days: int):
        """Rows nobody needs: made or failed over `keep_days` ago, or replaced by a newer ready file of the same
        source a day ago (time enough for everyone sent the older one's page to have fetched it)."""
        replaced = self.model.objects.filter(
            kind=OuterRef("kind"),
            source_label=OuterRef("source_label"),
            status=self.model.Status.READY,
            updated_at__gt=OuterRef("updated_at"),
            updated_at__lt=now - timedelta(days=1),
        )
        return self.filter(Exists(replaced) | models.Q(updated_at__lt=now - timedelta(days=keep_days)))


class GeneratedFile(models.Model):
    """One file made from one content, found again by the hash of that content.

    Kept in the database, not a per-process cache, so the node that queued the build, the worker that made it and
    the node that serves it share it. `key` is the SHA-256 of what the file is made from plus the renderer's
    version, so a change to the content or the renderer asks for a new file and an old one is never served.
    `kind` says which builder makes it (each feature app names its own, such as "committee-paper.pdf"); `source`
    is what that builder needs, as plain values, and `source_label` names the record it came from, so cleaning
    can drop a file a newer one has replaced.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to be made"
        BUILDING = "building", "Being made"
        READY = "ready", "Ready"
        FAILED = "failed", "Could not be made"

    kind = models.CharField(max_length=40)
    key = models.CharField(max_length=64)
    source_label = models.CharField(max_length=100)
    source = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    content = models.BinaryField(default=b"")
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = GeneratedFileQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="generatedfile_one_per_content")]
        indexes = [models.Index(fields=["kind", "source_label"], name="generatedfile_kind_source")]

    def __str__(self):
        return f"{self.kind} of {self.source_label} ({self.get_status_display()})"

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY

    @property
    def has_failed(self) -> bool:
        return self.status == self.Status.FAILED
