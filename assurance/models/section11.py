"""Section 11 self-assessment: the board's standards, a cycle a year, each agency's return and its moderation.

Section 11 of the Children Act 2004 places duties on agencies to safeguard and promote children's welfare;
the board asks each agency to rate itself against standards drawn from Working Together's Section 11
arrangements, challenges the ratings and publishes the grid. An agency sees only its own return until then.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.models import RatingScale
from objectives.models import Action, Agency, BusinessPlan

from .codes import validate_prefix


class Standard(models.Model):
    """One standard of the board's framework; cycles keep the standards they asked about."""

    number = models.PositiveSmallIntegerField(unique=True)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True, help_text="What an agency meeting the standard has in place.")
    is_active = models.BooleanField("asked in new cycles", default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return f"Standard {self.number}: {self.title}"


class Section11CycleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_on__isnull=False)


class Section11Cycle(models.Model):
    title = models.CharField(max_length=100, unique=True, help_text="Such as “Section 11 2025/26”.")
    code = models.CharField(
        "reference prefix",
        max_length=10,
        unique=True,
        validators=[validate_prefix],
        help_text="Starts the references of its improvement actions: S11 gives S11-5.1 for standard 5.",
    )
    plan = models.ForeignKey(
        BusinessPlan,
        on_delete=models.PROTECT,
        related_name="section11_cycles",
        help_text="The plan whose progress rounds its improvement actions report in.",
    )
    scale = models.ForeignKey(RatingScale, on_delete=models.PROTECT, related_name="+", verbose_name="rating scale")
    standards = models.ManyToManyField(Standard, related_name="cycles")
    agencies = models.ManyToManyField(Agency, related_name="section11_cycles", verbose_name="agencies asked")
    opens_on = models.DateField("opens")
    deadline = models.DateField("returns due")
    published_on = models.DateField("grid published", null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(m2m_fields=[standards, agencies])
    objects = Section11CycleQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_on", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("assurance:cycle_detail", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.published_on is not None

    @property
    def is_past_deadline(self) -> bool:
        return self.deadline < timezone.localdate()


class Section11ReturnQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Managers read every return; others their own agencies' returns, and every return once the grid is out."""
        if not user.has_perm("assurance.view_section11return"):
            return self.none()
        if user.has_perm("assurance.moderate_section11return"):
            return self.all()
        return self.filter(Q(agency__members=user) | Q(cycle__published_on__isnull=False)).distinct()

    def editable_by(self, user):
        """Contributors write their own agencies' returns; the board manager may write any."""
        if user.has_perm("assurance.moderate_section11return"):
            return self.all()
        if not user.has_perm("assurance.change_section11return"):
            return self.none()
        return self.filter(agency__members=user)


class Section11Return(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Not submitted"
        SUBMITTED = "submitted", "Submitted"
        MODERATED = "moderated", "Moderated"

    cycle = models.ForeignKey(Section11Cycle, on_delete=models.CASCADE, related_name="returns")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="section11_returns")
    status = models.CharField(max_length=20, choices=Status, default=Status.DRAFT)
    submitted_on = models.DateTimeField(null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = Section11ReturnQuerySet.as_manager()

    class Meta:
        ordering = ["cycle", "agency__name"]
        constraints = [models.UniqueConstraint(fields=["cycle", "agency"], name="one_section11_return_per_agency")]
        permissions = [("moderate_section11return", "Can moderate Section 11 returns and publish the grid")]

    def __str__(self):
        return f"{self.cycle}: {self.agency}"

    def get_absolute_url(self):
        return reverse("assurance:return_detail", args=[self.pk])


class StandardAssessment(models.Model):
    """An agency's rating of itself against one standard, and the board's challenge and agreed rating."""

    section11_return = models.ForeignKey(Section11Return, on_delete=models.CASCADE, related_name="assessments")
    standard = models.ForeignKey(Standard, on_delete=models.PROTECT, related_name="assessments")
    rating = models.CharField("self-assessed rating", max_length=20, blank=True)
    evidence = models.TextField(blank=True)
    improvement_actions = models.TextField(
        "planned improvements", blank=True, help_text="What the agency will do to meet the standard fully."
    )
    challenge = models.TextField("board's challenge", blank=True)
    agreed_rating = models.CharField(max_length=20, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    moderated_on = models.DateTimeField(null=True, blank=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["section11_return", "standard__number"]
        constraints = [
            models.UniqueConstraint(fields=["section11_return", "standard"], name="one_assessment_per_standard")
        ]

    def __str__(self):
        return f"{self.section11_return}, standard {self.standard.number}"


class ImprovementAction(models.Model):
    """Makes a plan action one of the improvements the board agreed with an agency for a standard."""

    assessment = models.ForeignKey(StandardAssessment, on_delete=models.CASCADE, related_name="action_links")
    action = models.OneToOneField(Action, on_delete=models.CASCADE, related_name="improvement_link")
    # Which standard an action improves is in the paper.
    history = HistoricalRecords()

    def __str__(self):
        return f"{self.assessment} → {self.action}"
