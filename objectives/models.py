"""The business plan: agencies, plans, aims, objectives, actions, progress rounds and updates."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core import rating
from core.formats import month_year

from .dates import format_target
from .refs import natural_sort_key, nesting_problem, validate_ref


class Agency(models.Model):
    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40, blank=True)
    is_statutory_partner = models.BooleanField(
        "statutory partner", default=False, help_text="The council, police and health are the statutory partners."
    )
    is_active = models.BooleanField("active", default=True)
    # Agency contributors write progress for the actions their agencies lead.
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="agencies", blank=True)

    history = HistoricalRecords(m2m_fields=[members])

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self):
        return self.short_name or self.name


class BusinessPlan(models.Model):
    title = models.CharField(max_length=100, unique=True, help_text='Such as "2025/26".')
    starts_on = models.DateField("start date")
    ends_on = models.DateField("end date")

    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gt=models.F("starts_on")), name="plan_ends_after_it_starts"),
        ]

    def __str__(self):
        return f"Business plan {self.title}"

    def get_absolute_url(self):
        return reverse("objectives:plan_detail", args=[self.pk])

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on <= self.starts_on:
            raise ValidationError({"ends_on": "The end date must be after the start date."})

    @property
    def latest_round(self):
        return self.rounds.order_by("-as_of").first()


class SoftDeleteQuerySet(models.QuerySet):
    def alive(self):
        """Rows nobody has deleted."""
        return self.filter(is_deleted=False)

    def deleted(self):
        """Rows deleted and waiting to be restored."""
        return self.filter(is_deleted=True)


class Aim(models.Model):
    plan = models.ForeignKey(BusinessPlan, on_delete=models.CASCADE, related_name="aims")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    # Deleting hides; the board manager can restore. Nothing in the plan is ever lost.
    is_deleted = models.BooleanField("deleted", default=False)

    history = HistoricalRecords()
    objects = SoftDeleteQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="aim_number_unique_in_plan"),
            models.CheckConstraint(condition=Q(number__gte=1), name="aim_number_positive"),
        ]

    def __str__(self):
        return f"Aim {self.number}: {self.title}"

    def get_absolute_url(self):
        return reverse("objectives:plan_detail", args=[self.plan_id]) + f"#aim-{self.number}"


class RefQuerySet(SoftDeleteQuerySet):
    def in_ref_order(self):
        """Natural reference order: 1.1.9 before 1.1.10."""
        return self.order_by("sort_key")


class RefModel(models.Model):
    """An objective or action: a dotted reference unique within its plan, sorted naturally."""

    ref = models.CharField("ref", max_length=30, validators=[validate_ref])
    # Derived from ref so the database can order and paginate naturally; never edited by hand.
    sort_key = models.CharField(max_length=200, editable=False, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.sort_key = natural_sort_key(self.ref)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "ref" in update_fields:
            kwargs["update_fields"] = {*update_fields, "sort_key"}
        super().save(*args, **kwargs)


class Objective(RefModel):
    plan = models.ForeignKey(BusinessPlan, on_delete=models.CASCADE, related_name="objectives", editable=False)
    aim = models.ForeignKey(Aim, on_delete=models.CASCADE, related_name="objectives")
    title = models.CharField(max_length=500)
    is_deleted = models.BooleanField("deleted", default=False)

    history = HistoricalRecords()
    objects = RefQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "ref"], name="objective_ref_unique_in_plan"),
        ]

    def __str__(self):
        return f"Objective {self.ref}: {self.title}"

    def get_absolute_url(self):
        return reverse("objectives:plan_detail", args=[self.plan_id]) + f"#objective-{self.ref}"

    def clean(self):
        # The plan follows the aim; the reference must sit under the aim's number.
        if self.aim_id:
            self.plan_id = self.aim.plan_id
            problem = self.ref and nesting_problem(self.ref, str(self.aim.number), "aim")
            if problem:
                raise ValidationError({"ref": problem})
            clash = Objective.objects.filter(plan_id=self.plan_id, ref=self.ref).exclude(pk=self.pk)
            if self.ref and clash.exists():
                raise ValidationError({"ref": f"Objective {self.ref} already exists in this plan."})


class ActionQuerySet(RefQuerySet):
    def not_hidden(self):
        """Actions neither deleted themselves nor under a deleted objective or aim."""
        return (
            self.filter(is_deleted=False).exclude(objective__is_deleted=True).exclude(objective__aim__is_deleted=True)
        )

    def visible_to(self, user):
        """Every reader sees the whole plan, less what was deleted."""
        if not user.has_perm("objectives.view_action"):
            return self.none()
        return self.not_hidden()

    def editable_by(self, user):
        """Actions whose progress this user may write: all for the board manager, else their agencies' own."""
        if user.has_perm("objectives.review_progressupdate"):
            return self.not_hidden()
        if not user.has_perm("objectives.submit_progressupdate"):
            return self.none()
        led = Agency.members.through.objects.filter(user_id=user.pk).values("agency_id")
        led_actions = Action.lead_agencies.through.objects.filter(agency_id__in=led).values("action_id")
        return self.not_hidden().filter(pk__in=led_actions)

    def with_latest_rag(self):
        """Annotate each action with the RAG and round of its latest accepted progress update."""
        latest = ProgressUpdate.objects.filter(action=OuterRef("pk"), state=ProgressUpdate.State.ACCEPTED).order_by(
            "-round__as_of"
        )
        return self.annotate(
            latest_rag=Subquery(latest.values("rag")[:1]),
            latest_round_as_of=Subquery(latest.values("round__as_of")[:1]),
        )

    def overdue(self, today: date | None = None):
        """Open actions whose target date has passed."""
        today = today or timezone.localdate()
        return self.filter(status=Action.Status.OPEN, target_on__lt=today)

    def for_table(self):
        """Exactly what the action list's columns show."""
        return self.select_related("objective", "plan").prefetch_related("lead_agencies").with_latest_rag()

    def rag_counts(self) -> dict[str, int]:
        """How many of these actions stand at each RAG, by their latest update."""
        rows = self.with_latest_rag().values("latest_rag").annotate(total=Count("pk")).order_by()
        counts = rating.empty_counts()
        for row in rows:
            counts[rating.rating(row["latest_rag"]).key] += row["total"]
        return counts

    def rag_counts_by(self, field: str, keys) -> dict:
        """rag_counts() for each of `keys`, the values of `field` (such as a CDOP year's id), in one query."""
        rows = self.with_latest_rag().values(field, "latest_rag").annotate(total=Count("pk")).order_by()
        counts = {key: rating.empty_counts() for key in keys}
        for row in rows:
            counts[row[field]][rating.rating(row["latest_rag"]).key] += row["total"]
        return counts


class Action(RefModel):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        COMPLETED = "completed", "Completed"
        WITHDRAWN = "withdrawn", "Withdrawn"

    plan = models.ForeignKey(
        BusinessPlan, on_delete=models.CASCADE, related_name="actions", null=True, blank=True, editable=False
    )
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="actions", null=True, blank=True)
    text = models.TextField("action")
    lead_agencies = models.ManyToManyField(Agency, related_name="led_actions", blank=True)
    target_on = models.DateField("target date", null=True, blank=True)
    target_is_month = models.BooleanField(
        "month only", default=False, help_text="The target is a month, such as March 2026, not a day."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    completed_on = models.DateField(null=True, blank=True)
    is_deleted = models.BooleanField("deleted", default=False)
    # Raised on every save through a form, so a second person's stale save is refused, not lost.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(m2m_fields=[lead_agencies])
    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "ref"], name="action_ref_unique_in_plan"),
            models.CheckConstraint(
                condition=Q(status="completed") | Q(completed_on__isnull=True),
                name="only_completed_actions_have_completed_on",
            ),
        ]

    def __str__(self):
        return f"Action {self.ref}"

    def get_absolute_url(self):
        return reverse("objectives:action_detail", args=[self.pk])

    def clean(self):
        if self.objective_id:
            self.plan_id = self.objective.plan_id
            problem = self.ref and nesting_problem(self.ref, self.objective.ref, "objective")
            if problem:
                raise ValidationError({"ref": problem})
        # Actions from a case review or the CDOP have no objective but share the plan's references.
        clash = Action.objects.filter(plan_id=self.plan_id, ref=self.ref).exclude(pk=self.pk)
        if self.plan_id and self.ref and clash.exists():
            raise ValidationError({"ref": f"Action {self.ref} already exists in this plan."})
        if self.status != self.Status.COMPLETED:
            self.completed_on = None

    @property
    def target_display(self) -> str:
        return format_target(self.target_on, self.target_is_month)

    @property
    def is_overdue(self) -> bool:
        return self.status == self.Status.OPEN and self.target_on is not None and self.target_on < timezone.localdate()

    def mark_completed(self, on: date | None = None):
        self.status = self.Status.COMPLETED
        self.completed_on = on or timezone.localdate()


class ProgressRound(models.Model):
    plan = models.ForeignKey(BusinessPlan, on_delete=models.CASCADE, related_name="rounds")
    as_of = models.DateField("as of", help_text="The date the progress report describes, such as 31 December 2025.")
    deadline = models.DateField("deadline for updates", null=True, blank=True)
    # A closed round is read-only: its accepted progress is what the committee was told.
    closed_at = models.DateTimeField("closed", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "-as_of"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "as_of"], name="one_round_per_date_in_plan"),
        ]

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return reverse("objectives:report", args=[self.plan_id, self.pk])

    @property
    def label(self) -> str:
        return f"Progress report {month_year(self.as_of)}"

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def closed_notice(self) -> str:
        """Why its progress cannot be written, in the words every page and service uses."""
        return f"{self.label} is closed: its progress can no longer be changed."


class ProgressUpdateQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Accepted progress is public to readers; drafts and submissions only to their agencies and the manager."""
        if user.has_perm("objectives.review_progressupdate"):
            return self.all()
        if not user.has_perm("objectives.view_progressupdate"):
            return self.none()
        own = Action.objects.editable_by(user).values("pk")
        return self.filter(Q(state=ProgressUpdate.State.ACCEPTED) | Q(action__in=own))

    def accepted(self):
        """Only accepted progress goes into the committee report."""
        return self.filter(state=ProgressUpdate.State.ACCEPTED)


class ProgressUpdate(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        RETURNED = "returned", "Returned"
        ACCEPTED = "accepted", "Accepted"

    class Rag(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        RED = "red", "Red"
        AMBER = "amber", "Amber"
        GREEN = "green", "Green"
        COMPLETE = "complete", "Complete"

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="progress_updates")
    round = models.ForeignKey(ProgressRound, on_delete=models.CASCADE, related_name="progress_updates")
    progress = models.TextField(
        "progress",
        blank=True,
        help_text="What was done. Leave a blank line between paragraphs; start bullets with “- ”.",
    )
    impact = models.TextField(
        "evidence of impact",
        blank=True,
        help_text="What changed for children, with figures where you have them.",
    )
    rag = models.CharField("RAG", max_length=20, choices=Rag.choices, default=Rag.NOT_STARTED)
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT)
    return_comment = models.TextField(
        "comment", blank=True, help_text="Why the board manager returned the update, and what it needs."
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Raised on every save, so a second person's stale save is refused rather than overwriting.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = ProgressUpdateQuerySet.as_manager()

    class Meta:
        ordering = ["action", "-round__as_of"]
        constraints = [
            models.UniqueConstraint(fields=["action", "round"], name="one_update_per_action_and_round"),
        ]
        permissions = [
            ("submit_progressupdate", "Can write and submit progress for their agencies' actions"),
            ("review_progressupdate", "Can accept or return submitted progress"),
        ]

    def __str__(self):
        return f"{self.action} – {self.round.label}"

    def get_absolute_url(self):
        return self.action.get_absolute_url()

    def clean(self):
        if self.action_id and self.round_id and self.action.plan_id not in (None, self.round.plan_id):
            raise ValidationError({"round": "This round belongs to another plan."})


class ReminderLog(models.Model):
    """One reminder e-mail to one person about one round, so a reason is never sent twice."""

    class Reason(models.TextChoices):
        BEFORE_DEADLINE = "before_deadline", "Deadline approaching"
        AFTER_DEADLINE = "after_deadline", "Deadline passed"
        BY_MANAGER = "by_manager", "Sent by the board manager"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders")
    round = models.ForeignKey(ProgressRound, on_delete=models.CASCADE, related_name="reminders")
    reason = models.CharField(max_length=20, choices=Reason.choices)
    sent_at = models.DateTimeField(auto_now_add=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            # The scheduled reminders go once per person, round and reason; the manager may remind again.
            models.UniqueConstraint(
                fields=["user", "round", "reason"],
                condition=~Q(reason="by_manager"),
                name="scheduled_reminder_sent_once",
            ),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} to {self.user} for {self.round}"


class PublishedReport(models.Model):
    """A committee report as it was sent: its files and the data behind them, frozen at publication."""

    plan = models.ForeignKey(BusinessPlan, on_delete=models.PROTECT, related_name="published_reports")
    round = models.ForeignKey(ProgressRound, on_delete=models.PROTECT, related_name="published_reports")
    title = models.CharField(max_length=300)
    published_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The report's content as data: what the files were made from, and what the next one is compared with.
    snapshot = models.JSONField(default=dict)
    html = models.TextField(blank=True)
    pdf = models.BinaryField(blank=True)
    docx = models.BinaryField(blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    docx_sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-published_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("objectives:published_detail", args=[self.pk])


class PlanImport(models.Model):
    """An uploaded plan file kept between its preview and the manager's confirmation."""

    token = models.CharField(max_length=64, unique=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    file_name = models.CharField(max_length=255)
    content = models.BinaryField()
    plan_title = models.CharField(max_length=100)
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self):
        return f"{self.file_name} for {self.plan_title}"
