"""Case reviews, their recommendations and action plans, and the child death overview panel's figures and actions.

A review's actions and the panel's actions are the plan's own tracked `Action`s (with `plan` set to the plan
whose rounds they report in and no objective), linked here one to one: progress, rounds, RAG, the workflow,
reminders and history are the plan's, written once.

No field holds a child's name, date of birth or NHS number: reviews go by anonymised names, the panel by
aggregate figures.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.formats import long_date
from core.models import RecordedDecision
from objectives.models import Action, Agency, Objective

from . import guidance, stages
from .stages import NextStep


class BankHolidayQuerySet(models.QuerySet):
    def dates_between(self, first, last) -> set:
        """The bank holidays from `first` to `last`, both included, as a set of dates."""
        return set(self.filter(on__range=(first, last)).values_list("on", flat=True))


class BankHoliday(models.Model):
    """A bank holiday in England and Wales; filled for 2012 to 2030, and the admin adds new ones."""

    on = models.DateField("date", unique=True)
    name = models.CharField(max_length=100)
    # A bank holiday moves statutory deadlines, so who added, changed or removed one is kept.
    history = HistoricalRecords()

    objects = BankHolidayQuerySet.as_manager()

    class Meta:
        ordering = ["on"]

    def __str__(self):
        return f"{self.name} ({long_date(self.on)})"


class Subgroup(models.Model):
    """A subgroup of the board, such as quality assurance and case review; the admin keeps the list."""

    name = models.CharField(max_length=100, unique=True)
    # A review's subgroup is named in its paper.
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


validate_code = RegexValidator(
    r"^[A-Z][A-Z0-9]{0,9}$",
    message="A reference prefix is up to 10 capital letters and digits, starting with a letter, such as CS.",
)


class ReviewQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Everyone with a role reads the register: agencies need to see the reviews their actions come from."""
        if not user.has_perm("reviews.view_review"):
            return self.none()
        return self.all()

    def editable_by(self, user):
        return self.all() if user.has_perm("reviews.change_review") else self.none()

    def open(self):
        return self.exclude(status=Review.Status.CLOSED)

    def overdue(self, today: date | None = None):
        """Open reviews whose next step is late: the panel not told, the rapid review not held, the report not done."""
        today = today or timezone.localdate()
        # The steps in Review.next_step()'s order: a step counts only once the steps before it are done, so the
        # list's filter and the review's own page always agree on what is late.
        panel_pending = Q(panel_due_on__isnull=False, panel_notified_on__isnull=True)
        rapid_pending = Q(rapid_review_due_on__isnull=False, rapid_review_on__isnull=True)
        late = (
            (panel_pending & Q(panel_due_on__lt=today))
            | (~panel_pending & rapid_pending & Q(rapid_review_due_on__lt=today))
            | (~panel_pending & ~rapid_pending & Q(completed_on__isnull=True, completion_due_on__lt=today))
        )
        return self.open().exclude(status=Review.Status.PUBLISHED).filter(late)


class Review(models.Model):
    class Kind(models.TextChoices):
        SERIOUS_CASE_REVIEW = "scr", "Serious case review"
        PRACTICE_REVIEW = "cspr", "Child safeguarding practice review"
        RAPID_REVIEW = "rapid", "Rapid review"
        DOMESTIC_HOMICIDE_REVIEW = "dhr", "Domestic homicide review"
        OTHER_AREA = "other_area", "Another area's review we contribute to"
        LEARNING_REVIEW = "learning", "Learning review"

    class Status(models.TextChoices):
        NOTIFIED = "notified", "Notified"
        RAPID_REVIEW = "rapid_review", "Rapid review"
        COMMISSIONED = "commissioned", "Commissioned"
        IN_PROGRESS = "in_progress", "In progress"
        DRAFT_REPORT = "draft_report", "Draft report"
        COMPLETED = "completed", "Completed"
        PUBLISHED = "published", "Published"
        CLOSED = "closed", "Closed"

    name = models.CharField(
        "anonymised name",
        max_length=60,
        unique=True,
        help_text="The name the review is known by, such as “Child S”. Never a child’s real name.",
    )
    code = models.CharField(
        "reference prefix",
        max_length=10,
        unique=True,
        validators=[validate_code],
        help_text="Starts the references of the review’s actions: CS gives CS-1.1, CS-1.2 and so on.",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOTIFIED)
    summary = models.TextField(
        blank=True, help_text="A few lines on what the review is about, without anything that identifies the child."
    )
    subgroup = models.ForeignKey(
        Subgroup,
        on_delete=models.PROTECT,
        related_name="reviews",
        null=True,
        blank=True,
        verbose_name="owning subgroup",
    )
    objectives = models.ManyToManyField(
        Objective, related_name="reviews", blank=True, verbose_name="plan objectives it informs"
    )
    incident_notified_on = models.DateField("serious incident notified", null=True, blank=True)
    panel_notified_on = models.DateField("national panel notified", null=True, blank=True)
    rapid_review_on = models.DateField("rapid review held", null=True, blank=True)
    decided_on = models.DateField("decision to initiate", null=True, blank=True)
    commissioned_on = models.DateField("commissioned", null=True, blank=True)
    due_on = models.DateField("due", null=True, blank=True)
    completed_on = models.DateField("completed", null=True, blank=True)
    published_on = models.DateField("published", null=True, blank=True)
    closed_on = models.DateField("closed", null=True, blank=True)
    # The deadlines, worked out by services.set_statutory_deadlines under the guidance the review began under
    # (reviews.guidance) and stored so lists can filter on them: the national panel's and the rapid review's
    # from incident_notified_on, completion from due_on or else the guidance's timescale from decided_on.
    panel_due_on = models.DateField("national panel to be told by", null=True, blank=True, editable=False)
    rapid_review_due_on = models.DateField("rapid review due by", null=True, blank=True, editable=False)
    completion_due_on = models.DateField("to be completed by", null=True, blank=True, editable=False)
    # Raised on every save through a form, so a second person's stale save is refused, not lost.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(m2m_fields=[objectives])
    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("reviews:review_detail", args=[self.pk])

    def clean(self):
        order = [
            ("incident_notified_on", "panel_notified_on"),
            ("incident_notified_on", "rapid_review_on"),
            ("incident_notified_on", "decided_on"),
            ("decided_on", "commissioned_on"),
            ("commissioned_on", "completed_on"),
            ("completed_on", "published_on"),
            ("incident_notified_on", "closed_on"),
            ("decided_on", "closed_on"),
        ]
        errors = {}
        for earlier, later in order:
            first, second = getattr(self, earlier), getattr(self, later)
            if first and second and second < first:
                errors[later] = (
                    f"The {self._meta.get_field(later).verbose_name} date cannot be before the "
                    f"{self._meta.get_field(earlier).verbose_name} date."
                )
        if errors:
            raise ValidationError(errors)

    @property
    def began_on(self) -> date | None:
        """The day the review began: its earliest dated step (the incident notified, or the decision to initiate)."""
        return stages.began_on(self)

    @property
    def edition(self) -> guidance.Edition:
        """The edition of Working Together that governs the review: the one in force on the day it began."""
        return guidance.edition_on(self.began_on)

    @property
    def is_local_review(self) -> bool:
        return self.kind in (self.Kind.SERIOUS_CASE_REVIEW, self.Kind.PRACTICE_REVIEW)

    @property
    def kind_term(self) -> str:
        """The kind in the words of its guidance: a local review begun before 29 June 2018 is a serious case review."""
        label, began = self.get_kind_display(), self.began_on
        # Undated, the guidance it falls under is unknown, so it keeps the name the board gave it.
        if not self.is_local_review or began is None:
            return label
        terms = self.edition.terms(began)
        return label if label in terms else terms[0]

    @property
    def next_step(self) -> "NextStep | None":
        """What the review waits for next and by when, as it stands today, or None when nothing is due."""
        return stages.next_step(self, status=self.status, judged_on=timezone.localdate())


class Recommendation(RecordedDecision):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="recommendations")
    number = models.PositiveIntegerField()
    text = models.TextField("recommendation")
    agencies = models.ManyToManyField(Agency, related_name="review_recommendations", blank=True, verbose_name="for")
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(m2m_fields=[agencies])

    class Meta:
        ordering = ["review", "number"]
        constraints = [
            models.UniqueConstraint(fields=["review", "number"], name="recommendation_number_unique_in_review"),
        ]

    def __str__(self):
        return f"{self.review}: recommendation {self.number}"

    def get_absolute_url(self):
        return self.review.get_absolute_url() + f"#recommendation-{self.number}"

    @property
    def action_ref_prefix(self) -> str:
        """What its actions' references start with: "CS-2." for Child S's recommendation 2."""
        return f"{self.review.code}-{self.number}."


class RecommendationAction(models.Model):
    """Makes a plan action one of a recommendation's actions."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="action_links")
    action = models.OneToOneField(Action, on_delete=models.CASCADE, related_name="recommendation_link")
    # Which recommendation an action answers is in the paper.
    history = HistoricalRecords()

    def __str__(self):
        return f"{self.recommendation} → {self.action}"


class CdopCategory(models.Model):
    """A category of child death the panel counts by; the admin keeps the list (filled with the national ten)."""

    name = models.CharField(max_length=200, unique=True)
    position = models.PositiveIntegerField(default=0, help_text="Categories are listed in this order.")
    is_active = models.BooleanField("in use", default=True)
    # The categories and their order are the rows of the CDOP paper's tables.
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = "CDOP category"
        verbose_name_plural = "CDOP categories"

    def __str__(self):
        return self.name


# What the pages, tables and papers say of a figure a year did not record (None, never 0).
NOT_RECORDED = "Not recorded"


class CdopYear(models.Model):
    """One year of the child death overview panel's annual report: aggregate figures, its narrative, or both.

    Every figure is optional, and a figure not recorded is None, never 0: some boards' committees saw only the
    panel's narrative, and a zero would tell them no child died.
    """

    title = models.CharField(max_length=20, unique=True, help_text="The year the figures cover, such as 2024/25.")
    ends_on = models.DateField("year ends", help_text="The last day the figures cover, such as 31 March 2025.")
    deaths_reviewed = models.PositiveIntegerField("deaths reviewed", null=True, blank=True)
    with_modifiable_factors = models.PositiveIntegerField("reviews finding modifiable factors", null=True, blank=True)
    summary = models.TextField(blank=True, help_text="The annual report's main messages, in a few lines.")
    narrative = models.TextField(
        "the panel's report",
        blank=True,
        help_text="What the panel reported of its year, such as how promptly it reviewed deaths and the learning "
        "that changed practice.",
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-ends_on"]
        verbose_name = "CDOP year"
        constraints = [
            # Checked only when both are known: an unknown count limits nothing.
            models.CheckConstraint(
                condition=Q(with_modifiable_factors__isnull=True)
                | Q(deaths_reviewed__isnull=True)
                | Q(with_modifiable_factors__lte=models.F("deaths_reviewed")),
                name="cdop_modifiable_within_reviewed",
            ),
        ]

    def __str__(self):
        return f"CDOP {self.title}"

    def get_absolute_url(self):
        return reverse("reviews:cdop_detail", args=[self.pk])

    @property
    def action_ref_prefix(self) -> str:
        """What its actions' references start with: "CDOP25-" for the year ending in 2025."""
        return f"CDOP{self.ends_on.year % 100:02d}-"

    @property
    def modifiable_percent(self) -> int | None:
        """The share of deaths reviewed with modifiable factors, in whole percent; None unless both are known."""
        if self.with_modifiable_factors is None or not self.deaths_reviewed:
            return None
        return round(100 * self.with_modifiable_factors / self.deaths_reviewed)

    def clean(self):
        if (
            self.with_modifiable_factors is not None
            and self.deaths_reviewed is not None
            and self.with_modifiable_factors > self.deaths_reviewed
        ):
            raise ValidationError(
                {
                    "with_modifiable_factors": (
                        f"Reviews finding modifiable factors ({self.with_modifiable_factors}) cannot be more than "
                        f"the deaths reviewed ({self.deaths_reviewed})."
                    )
                }
            )


class CdopFigure(models.Model):
    """The deaths the year counted in one category; a category the year did not count has no row."""

    year = models.ForeignKey(CdopYear, on_delete=models.CASCADE, related_name="figures")
    category = models.ForeignKey(CdopCategory, on_delete=models.PROTECT, related_name="figures")
    deaths = models.PositiveIntegerField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["year", "category__position", "category__name"]
        constraints = [models.UniqueConstraint(fields=["year", "category"], name="cdop_figure_once_per_category")]
        verbose_name = "CDOP figure"

    def __str__(self):
        return f"{self.year}: {self.category} {self.deaths}"


class CdopAction(models.Model):
    """Makes a plan action one of the actions from a CDOP annual report."""

    year = models.ForeignKey(CdopYear, on_delete=models.CASCADE, related_name="action_links")
    action = models.OneToOneField(Action, on_delete=models.CASCADE, related_name="cdop_link")
    # Which CDOP report an action answers is in the paper.
    history = HistoricalRecords()

    def __str__(self):
        return f"{self.year} → {self.action}"
