"""The yearly report of a plan year: its figures as last generated, the manager's narrative, and publications.

The figures are the product's own data, gathered by `mscb.yearly` into a JSON snapshot when the draft is
generated, so the manager writes against figures that hold still; regenerating replaces the snapshot and
never touches the narrative, which is kept per section key (see mscb/yearly/sections.py).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.models import PublicDocument
from objectives.models import BusinessPlan, ProgressRound


class YearlyReport(models.Model):
    plan = models.OneToOneField(BusinessPlan, on_delete=models.PROTECT, related_name="yearly_report")
    title = models.CharField(max_length=200, help_text="Such as “Annual report 2025/26”.")
    figures = models.JSONField(default=dict, editable=False)
    generated_at = models.DateTimeField(null=True, blank=True, editable=False)
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(excluded_fields=["figures"])

    class Meta:
        ordering = ["-plan__starts_on"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("yearly:report_detail", args=[self.plan_id])


class YearlyNarrative(models.Model):
    """What the board manager writes for one section of the yearly report."""

    report = models.ForeignKey(YearlyReport, on_delete=models.CASCADE, related_name="narratives")
    section = models.CharField(max_length=40)
    text = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "section"]
        constraints = [models.UniqueConstraint(fields=["report", "section"], name="one_narrative_per_section")]

    def __str__(self):
        return f"{self.report}: {self.section}"


class FamilyFeedback(models.Model):
    """What children and families told the partners, and what changed because of it (never who said it)."""

    plan = models.ForeignKey(BusinessPlan, on_delete=models.PROTECT, related_name="family_feedback")
    # Feedback gathered for a round's report; blank when it belongs to the year as a whole.
    round = models.ForeignKey(
        ProgressRound, on_delete=models.PROTECT, null=True, blank=True, related_name="family_feedback"
    )
    received_on = models.DateField("received")
    source = models.CharField(
        "how it was gathered", max_length=200, help_text="Such as “Youth council session” or “Parents’ survey”."
    )
    summary = models.TextField("what children and families told us")
    response = models.TextField("what we did about it", blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "received_on", "pk"]
        verbose_name = "feedback from children and families"
        verbose_name_plural = "feedback from children and families"

    def __str__(self):
        return f"{self.source} ({self.received_on:%B %Y})"

    def clean(self):
        from django.core.exceptions import ValidationError

        # Identifiers are warned about by the form (objectives.identifiers), never refused here.
        if self.round_id and self.plan_id and self.round.plan_id != self.plan_id:
            raise ValidationError({"round": "Choose a progress round of this plan."})


class PublishedYearlyReport(PublicDocument):
    """A yearly report as published: its files frozen, public only when the board manager says so."""

    report = models.ForeignKey(YearlyReport, on_delete=models.PROTECT, related_name="publications")
    title = models.CharField(max_length=200)
    # The HTML its PDF is laid out from, frozen when it was published, for the task worker that makes the PDF.
    pdf_source = models.TextField(blank=True)

    history = HistoricalRecords(excluded_fields=["html", "pdf", "docx", "pdf_source"])

    def get_absolute_url(self):
        return reverse("yearly:published_detail", args=[self.pk])
