"""Multi-agency case audits: a theme, the anonymised cases, each agency's grading of its own work per case.

Cases go by a code the board gives them (A1, HB-07), never a name, date of birth or NHS number; the free text
is checked for identifiers as everywhere else. What the audit recommends goes to the register
(recommendations.RecommendationSource with `case_audit` set), where the board decides and tracks it.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.models import RatingScale
from objectives.models import Agency, BusinessPlan

validate_case_code = RegexValidator(
    r"^[A-Z0-9][A-Z0-9\-]{0,11}$",
    message=(
        "A case code is up to 12 capital letters, digits and hyphens, such as A1 or HB-07: "
        "never a name, a date of birth or an NHS number."
    ),
)


class CaseAuditQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.all() if user.has_perm("assurance.view_caseaudit") else self.none()


class CaseAudit(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        GRADING = "grading", "Agencies grading"
        COMPLETED = "completed", "Completed"

    theme = models.CharField(max_length=200, help_text="Such as “Neglect in children under five”.")
    held_on = models.DateField("audit date")
    plan = models.ForeignKey(
        BusinessPlan,
        on_delete=models.PROTECT,
        related_name="case_audits",
        help_text="The plan whose progress rounds the actions on its recommendations report in.",
    )
    scale = models.ForeignKey(RatingScale, on_delete=models.PROTECT, related_name="+", verbose_name="grading scale")
    agencies = models.ManyToManyField(Agency, related_name="case_audits", verbose_name="agencies taking part")
    status = models.CharField(max_length=20, choices=Status, default=Status.PLANNED)
    findings = models.TextField(blank=True)
    learning = models.TextField(blank=True)
    completed_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(m2m_fields=[agencies])
    objects = CaseAuditQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "theme"]

    def __str__(self):
        return f"{self.theme} ({self.held_on:%B %Y})"

    def get_absolute_url(self):
        return reverse("assurance:audit_detail", args=[self.pk])


class AuditQuestion(models.Model):
    audit = models.ForeignKey(CaseAudit, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveSmallIntegerField()
    text = models.TextField("question")

    history = HistoricalRecords()

    class Meta:
        ordering = ["audit", "number"]
        constraints = [models.UniqueConstraint(fields=["audit", "number"], name="audit_question_number_unique")]

    def __str__(self):
        return f"Question {self.number}"


class AuditCase(models.Model):
    audit = models.ForeignKey(CaseAudit, on_delete=models.CASCADE, related_name="cases")
    code = models.CharField("case code", max_length=12, validators=[validate_case_code])

    history = HistoricalRecords()

    class Meta:
        ordering = ["audit", "code"]
        constraints = [models.UniqueConstraint(fields=["audit", "code"], name="audit_case_code_unique")]

    def __str__(self):
        return f"Case {self.code}"


class AuditGradingQuerySet(models.QuerySet):
    def editable_by(self, user):
        """Contributors grade their own agencies' work; the board manager may correct any grading."""
        if user.has_perm("assurance.change_caseaudit"):
            return self.all()
        if not user.has_perm("assurance.change_auditgrading"):
            return self.none()
        return self.filter(agency__members=user)


class AuditGrading(models.Model):
    """One agency's grading of its own involvement in one case, against one of the audit's questions."""

    case = models.ForeignKey(AuditCase, on_delete=models.CASCADE, related_name="gradings")
    question = models.ForeignKey(AuditQuestion, on_delete=models.CASCADE, related_name="gradings")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="audit_gradings")
    grade = models.CharField(max_length=20, blank=True)
    comment = models.TextField(blank=True)
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    graded_on = models.DateTimeField(null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = AuditGradingQuerySet.as_manager()

    class Meta:
        ordering = ["case", "question__number", "agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["case", "question", "agency"], name="one_grading_per_case_question_agency")
        ]

    def __str__(self):
        return f"{self.case}, {self.question}, {self.agency}"
