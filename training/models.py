"""Multi-agency training: courses, their sessions, who booked and attended, and what they thought of it."""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Avg, F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.formats import long_date
from objectives.models import Agency, Objective, ProgressRound
from objectives.roles import is_agency_scoped

SCORE = [MinValueValidator(1), MaxValueValidator(5)]


class Course(models.Model):
    class Level(models.TextChoices):
        FOUNDATION = "foundation", "Foundation (all staff)"
        INTERMEDIATE = "intermediate", "Intermediate (practitioners)"
        ADVANCED = "advanced", "Advanced (specialists and managers)"

    title = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.INTERMEDIATE)
    duration_hours = models.DecimalField(
        "duration (hours)", max_digits=4, decimal_places=1, validators=[MinValueValidator(Decimal("0.5"))]
    )
    objectives = models.ManyToManyField(Objective, related_name="courses", blank=True, verbose_name="plan objectives")
    # The board charges the home agency for each place booked and not used.
    non_attendance_charge = models.DecimalField(
        "non-attendance charge (£)",
        max_digits=7,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    is_active = models.BooleanField("offered", default=True)
    # Raised by each save through its edit form, so a save loaded before someone else's is refused, not lost.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(m2m_fields=[objectives])

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("training:course_detail", args=[self.pk])


class TrainingSession(models.Model):
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="sessions")
    starts_at = models.DateTimeField("starts")
    ends_at = models.DateTimeField("ends")
    venue = models.CharField(max_length=200, blank=True, help_text="Leave blank for an online session.")
    is_online = models.BooleanField("online", default=False)
    trainer = models.CharField(max_length=200, blank=True)
    places = models.PositiveIntegerField("places offered", validators=[MinValueValidator(1)])
    # Raised by each save through its edit form, so a save loaded before someone else's is refused, not lost.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_it_starts"),
            models.CheckConstraint(condition=Q(places__gte=1), name="session_offers_a_place"),
        ]

    def __str__(self):
        return f"{self.course} – {long_date(self.starts_at)}"

    def get_absolute_url(self):
        return reverse("training:session_detail", args=[self.pk])


class RegistrationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Training staff and readers see every registration; an agency contributor only their agencies' own."""
        if not user.has_perm("training.view_registration"):
            return self.none()
        if user.has_perm("training.change_registration") or not is_agency_scoped(user):
            return self.all()
        return self.filter(agency__members=user)


class Registration(models.Model):
    class Status(models.TextChoices):
        BOOKED = "booked", "Booked"
        WAITING = "waiting", "Waiting list"
        CANCELLED = "cancelled", "Cancelled"
        ATTENDED = "attended", "Attended"
        DID_NOT_ATTEND = "did_not_attend", "Did not attend"

    # A place is taken by anyone who booked it, whether or not they came; waiting and cancelled take none.
    TAKES_A_PLACE = (Status.BOOKED, Status.ATTENDED, Status.DID_NOT_ATTEND)

    session = models.ForeignKey(TrainingSession, on_delete=models.PROTECT, related_name="registrations")
    attendee_name = models.CharField("name", max_length=200)
    email = models.EmailField("work e-mail")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="training_registrations")
    job_role = models.CharField("job role", max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.BOOKED)
    registered_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Raised by each save through its edit form, so a save loaded before someone else's is refused, not lost.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["session", "registered_at", "pk"]
        constraints = [
            # One live registration per person per session; a cancelled one may be followed by a new one.
            models.UniqueConstraint(
                fields=["session", "email"], condition=~Q(status="cancelled"), name="one_live_registration_per_person"
            ),
        ]

    def __str__(self):
        return f"{self.attendee_name} ({self.agency}) – {self.session}"

    @property
    def cancel_refusal(self) -> str:
        """Why this registration cannot be cancelled, in words; "" when it can."""
        if self.status == self.Status.CANCELLED:
            return f"{self.attendee_name}’s registration is already cancelled."
        if self.status in (self.Status.ATTENDED, self.Status.DID_NOT_ATTEND):
            return f"{self.attendee_name}’s attendance is already marked, so the registration cannot be cancelled."
        return ""


class AgencyWorkforce(models.Model):
    """How many staff an agency has who should take multi-agency training, where it records the figure."""

    agency = models.OneToOneField(Agency, on_delete=models.CASCADE, related_name="training_workforce")
    staff_count = models.PositiveIntegerField("staff who should train", validators=[MinValueValidator(1)])
    recorded_on = models.DateField()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "agency workforce"

    def __str__(self):
        return f"{self.agency}: {self.staff_count}"


class EvaluationQuerySet(models.QuerySet):
    def confidence_gain_by_course(self, *, until: date | None = None) -> dict[int, float]:
        """Each course's mean confidence gain (after minus before) over after-session answers, for sessions ending
        on or before `until` (a London date; None means all); courses without answers are left out. One query."""
        answers = self.filter(
            kind=Evaluation.Kind.AFTER_SESSION, confidence_before__isnull=False, confidence_after__isnull=False
        )
        if until is not None:
            answers = answers.filter(registration__session__ends_at__date__lte=until)
        rows = (
            answers.values("registration__session__course")
            .annotate(gain=Avg(F("confidence_after") - F("confidence_before")))
            .order_by()
        )
        return {row["registration__session__course"]: float(row["gain"]) for row in rows}


class Evaluation(models.Model):
    """One attendee's answers to one form: straight after the session, or three months later."""

    class Kind(models.TextChoices):
        AFTER_SESSION = "after_session", "After the session"
        FOLLOW_UP = "follow_up", "Three months later"

    class PracticeChanged(models.TextChoices):
        YES = "yes", "Yes"
        PARTLY = "partly", "Partly"
        NO = "no", "No"

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="evaluations")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    relevance = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCORE)
    quality = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCORE)
    confidence_before = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCORE)
    confidence_after = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCORE)
    will_do_differently = models.TextField("what I will do differently", blank=True)
    practice_changed = models.CharField(max_length=10, choices=PracticeChanged.choices, blank=True)
    example = models.TextField("an example", blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)
    # The scores feed the training paper; erasure (training/erasure.py) scrubs these rows' free text too.
    history = HistoricalRecords()

    objects = EvaluationQuerySet.as_manager()

    class Meta:
        ordering = ["registration", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "kind"], name="one_evaluation_per_attendee_and_form"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.registration}"


class EvaluationLink(models.Model):
    """When an attendee was sent each evaluation link, so nobody is sent the same form twice."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="evaluation_links")
    kind = models.CharField(max_length=20, choices=Evaluation.Kind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["registration", "kind"], name="evaluation_link_sent_once"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} link to {self.registration.email}"


class TrainingFigureQuerySet(models.QuerySet):
    def within(self, starts_on: date, ends_on: date):
        """The figures whose whole period falls from `starts_on` to `ends_on`, both included, oldest first."""
        return self.filter(starts_on__gte=starts_on, ends_on__lte=ends_on).order_by("starts_on", "course_title", "pk")


class TrainingFigure(models.Model):
    """How many attended training the board did not book here: another provider's course, or years before the
    product. Aggregate numbers only, so nobody has to invent attendees to put the figure in the paper."""

    course_title = models.CharField("course", max_length=200, help_text="Such as “Domestic abuse (full day)”.")
    course = models.ForeignKey(
        Course,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recorded_figures",
        verbose_name="the same course here",
        help_text="Only if the course is one of the board's courses in this system.",
    )
    starts_on = models.DateField("from")
    # Left blank for a single day's training, and then filled in by clean() with starts_on, so every figure
    # has a whole period to compare with the paper's.
    ends_on = models.DateField("to", blank=True)
    attended = models.PositiveIntegerField("number attended", validators=[MinValueValidator(1)])
    provider = models.CharField(max_length=200, blank=True, help_text="Who ran it, if not the board.")
    note = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = TrainingFigureQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "course_title", "pk"]
        verbose_name = "recorded training figure"
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="training_figure_ends_after_start"),
            models.CheckConstraint(condition=Q(attended__gte=1), name="training_figure_counts_someone"),
        ]

    def __str__(self):
        return f"{self.course_title}, {self.period_text}"

    @property
    def period_text(self) -> str:
        """ "5 May 2012", or "1 March 2011 to 31 March 2013"."""
        if self.ends_on == self.starts_on:
            return long_date(self.starts_on)
        return f"{long_date(self.starts_on)} to {long_date(self.ends_on)}"

    def clean(self):
        if self.ends_on is None:
            self.ends_on = self.starts_on
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": f"The period cannot end before it starts ({long_date(self.starts_on)})."})


class PaperPeriod(models.Model):
    """Where the committee paper's Training section starts for one round, as the board manager chose it
    ("since March 2011"); a round without one starts at its plan's start."""

    progress_round = models.OneToOneField(
        ProgressRound, on_delete=models.CASCADE, related_name="training_paper_period", verbose_name="round"
    )
    starts_on = models.DateField("training figures from")
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "training paper period"

    def __str__(self):
        return f"Training from {long_date(self.starts_on)} in {self.progress_round}"

    def clean(self):
        if not (self.starts_on and self.progress_round_id):
            return
        as_of = self.progress_round.as_of
        if self.starts_on > as_of:
            raise ValidationError(
                {"starts_on": f"The period must start on or before the round's as-of date, {long_date(as_of)}."}
            )
