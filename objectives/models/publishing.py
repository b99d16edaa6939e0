"""Committee reports as published."""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.models import PublicDocument

from .plan import BusinessPlan
from .progress import ProgressRound


class PublishedReport(PublicDocument):
    """A committee report as it was sent: its files and the data behind them, frozen at publication."""

    plan = models.ForeignKey(BusinessPlan, on_delete=models.PROTECT, related_name="published_reports")
    round = models.ForeignKey(ProgressRound, on_delete=models.PROTECT, related_name="published_reports")
    title = models.CharField(max_length=300)
    # The report's content as data: what the files were made from, and what the next one is compared with.
    snapshot = models.JSONField(default=dict)
    # The public plan page shows ratings from the latest published report; its progress text only with this.
    progress_is_public = models.BooleanField(
        "show its progress text on the public pages", default=False, editable=False
    )

    # Who made it public or withdrew it, and when; the files and snapshot never change, so are left out.
    history = HistoricalRecords(excluded_fields=["snapshot", "html", "pdf", "docx"])

    def get_absolute_url(self):
        return reverse("objectives:published_detail", args=[self.pk])
