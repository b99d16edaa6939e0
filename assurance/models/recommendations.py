"""Recommendations from everything but case reviews (those stay with their review in the reviews app):
inspections, scrutiny and peer reviews, self-evaluation, Section 11 cycles and case audits.

Each source groups its numbered recommendations; each recommendation carries the board's decision
(core.models.RecordedDecision) and its actions, which are the plan's own. The register reads these and
case reviews' recommendations alike.
"""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.models import RecordedDecision
from objectives.models import Action, Agency, BusinessPlan

from .audits import CaseAudit
from .codes import validate_prefix
from .section11 import Section11Cycle


class RecommendationSource(models.Model):
    class Kind(models.TextChoices):
        OFSTED = "ofsted", "Ofsted inspection"
        JTAI = "jtai", "Joint targeted area inspection (JTAI)"
        CQC = "cqc", "CQC inspection"
        HMICFRS = "hmicfrs", "HMICFRS inspection"
        SCRUTINY = "scrutiny", "Scrutiny review"
        PEER = "peer", "Peer review"
        SELF_EVALUATION = "self_evaluation", "Self-evaluation"
        SECTION11 = "section11", "Section 11 audit"
        CASE_AUDIT = "case_audit", "Multi-agency case audit"
        OTHER = "other", "Other"

    kind = models.CharField(max_length=20, choices=Kind)
    title = models.CharField(
        max_length=200, unique=True, help_text="Such as “Ofsted inspection of children’s services, March 2026”."
    )
    code = models.CharField(
        "reference prefix",
        max_length=10,
        unique=True,
        validators=[validate_prefix],
        help_text="Starts the references of its actions: OF26 gives OF26-3.1 for recommendation 3.",
    )
    reported_on = models.DateField("report date", null=True, blank=True)
    summary = models.TextField(blank=True)
    plan = models.ForeignKey(
        BusinessPlan,
        on_delete=models.PROTECT,
        related_name="recommendation_sources",
        help_text="The plan whose progress rounds the actions on its recommendations report in.",
    )
    # Set when the source is one of the product's own records, so its page links there.
    case_audit = models.OneToOneField(
        CaseAudit, on_delete=models.PROTECT, null=True, blank=True, related_name="recommendation_source"
    )
    section11_cycle = models.OneToOneField(
        Section11Cycle, on_delete=models.PROTECT, null=True, blank=True, related_name="recommendation_source"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-reported_on", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("assurance:source_detail", args=[self.pk])


class AssuranceRecommendation(RecordedDecision):
    source = models.ForeignKey(RecommendationSource, on_delete=models.CASCADE, related_name="recommendations")
    number = models.PositiveIntegerField()
    text = models.TextField("recommendation")
    agencies = models.ManyToManyField(Agency, related_name="assurance_recommendations", blank=True, verbose_name="for")
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(m2m_fields=[agencies])

    class Meta:
        ordering = ["source", "number"]
        constraints = [
            models.UniqueConstraint(fields=["source", "number"], name="assurance_recommendation_number_unique")
        ]

    def __str__(self):
        return f"{self.source}: recommendation {self.number}"

    def get_absolute_url(self):
        return self.source.get_absolute_url() + f"#recommendation-{self.number}"

    @property
    def action_ref_prefix(self) -> str:
        return f"{self.source.code}-{self.number}."


class SourcedRecommendationAction(models.Model):
    """Makes a plan action one of an assurance recommendation's actions."""

    recommendation = models.ForeignKey(AssuranceRecommendation, on_delete=models.CASCADE, related_name="action_links")
    action = models.OneToOneField(Action, on_delete=models.CASCADE, related_name="assurance_recommendation_link")
    # Which recommendation an action answers is in the paper.
    history = HistoricalRecords()

    def __str__(self):
        return f"{self.recommendation} → {self.action}"
