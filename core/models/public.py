"""What makes a published document public: one explicit step by the board manager, never a default.

Committee reports (objectives) and yearly reports (mscb) are published as frozen files; each kind's model
takes this abstract base, so the public pages show exactly the rows `public()` returns and nothing else.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class FilesStatus(models.TextChoices):
    """Where a publication's PDF and Word files stand: the task worker makes them after the publish button."""

    PREPARING = "preparing", "Being prepared"
    READY = "ready", "Ready"
    FAILED = "failed", "Could not be made"


class PublicDocumentQuerySet(models.QuerySet):
    def public(self):
        """Made public, and with its files made: a publication still being prepared, or whose files failed, is
        never shown to the public."""
        return self.filter(public_since__isnull=False, files_status=FilesStatus.READY)


class PublicDocument(models.Model):
    """A published document's frozen files, and whether the public may see them."""

    published_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    html = models.TextField(blank=True)
    pdf = models.BinaryField(blank=True)
    docx = models.BinaryField(blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    docx_sha256 = models.CharField(max_length=64, blank=True)
    # Ready by default, as every publication made before the files were made by a task had them at once.
    files_status = models.CharField(max_length=10, choices=FilesStatus, default=FilesStatus.READY)
    files_error = models.TextField("why the files could not be made", blank=True)
    # Empty until the board manager makes the document public; emptied again when they withdraw it.
    public_since = models.DateTimeField("public since", null=True, blank=True, editable=False)
    made_public_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )

    objects = PublicDocumentQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-published_at"]

    def __str__(self):
        return self.title

    @property
    def is_public(self) -> bool:
        return self.public_since is not None

    @property
    def files_ready(self) -> bool:
        return self.files_status == FilesStatus.READY

    @property
    def document_label(self) -> str:
        """ "objectives.publishedreport": which kind of document this is, for templates (which cannot read _meta)."""
        return self._meta.label_lower

    def make_public(self, *, by) -> None:
        self.public_since = timezone.now()
        self.made_public_by = by

    def withdraw(self) -> None:
        self.public_since = None
        self.made_public_by = None
