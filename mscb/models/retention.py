"""How long the board keeps what it no longer needs, and the log of what the retention command removed.

Each kind of record has its own period (see mscb/retention for the rules that apply them). The log says
what was removed, never the removed content itself: a removal log that kept names would defeat erasure.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from .one_row import OneRow

AT_LEAST_ONE = [MinValueValidator(1)]


class RetentionPolicy(OneRow):
    """One row: the board's retention periods, in days for short-lived files and months for records."""

    applied_imports_days = models.PositiveIntegerField(
        "keep uploaded files after their import is applied (days)", default=90, validators=AT_LEAST_ONE
    )
    staged_imports_days = models.PositiveIntegerField(
        "keep uploads never confirmed (days)", default=30, validators=AT_LEAST_ONE
    )
    published_reports_months = models.PositiveIntegerField(
        "keep published reports (months)", default=84, validators=AT_LEAST_ONE
    )
    attendee_details_months = models.PositiveIntegerField(
        "keep training attendees' names and e-mail addresses after their session (months)",
        default=36,
        validators=AT_LEAST_ONE,
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "retention periods"
        verbose_name_plural = "retention periods"

    def __str__(self):
        return "Retention periods"


class RetentionRemoval(models.Model):
    """One line of the log: what a run of the retention command, or an erasure on request, removed."""

    class Reason(models.TextChoices):
        SCHEDULE = "schedule", "Past its retention period"
        REQUEST = "request", "Erased on request"

    happened_at = models.DateTimeField(auto_now_add=True)
    reason = models.CharField(max_length=20, choices=Reason.choices)
    kind = models.CharField(max_length=60, help_text="Such as “staged imports” or “training attendees”.")
    count = models.PositiveIntegerField()
    detail = models.TextField(blank=True, help_text="What was removed, by reference, never by name.")
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-happened_at", "-pk"]

    def __str__(self):
        return f"{self.count} {self.kind} ({self.get_reason_display().lower()})"
