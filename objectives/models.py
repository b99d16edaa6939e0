"""The business plan: agencies, plans, aims, objectives, actions, progress rounds and updates."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from .dates import format_target
from .refs import natural_sort_key, nesting_problem, validate_ref


class Agency(models.Model):
    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40, blank=True)
    is_statutory_partner = models.BooleanField(
        "statutory partner", default=False, help_text="The council, police and health are the statutory partners."
    )
    is_active = models.BooleanField("active", default=True)

    history = HistoricalRecords()

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


class Aim(models.Model):
    plan = models.ForeignKey(BusinessPlan, on_delete=models.CASCADE, related_name="aims")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)

    history = HistoricalRecords()

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


class RefQuerySet(models.QuerySet):
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
    def with_latest_rag(self):
        """Annotate each action with the RAG and round of its most recent progress update."""
        latest = ProgressUpdate.objects.filter(action=OuterRef("pk")).order_by("-round__as_of")
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
        counts = {rag: 0 for rag in ProgressUpdate.Rag.values}
        counts["none"] = 0
        for row in rows:
            counts[row["latest_rag"] or "none"] += row["total"]
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
            clash = Action.objects.filter(plan_id=self.plan_id, ref=self.ref).exclude(pk=self.pk)
            if self.ref and clash.exists():
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
        return f"Progress report {self.as_of:%B %Y}"


class ProgressUpdate(models.Model):
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
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "-round__as_of"]
        constraints = [
            models.UniqueConstraint(fields=["action", "round"], name="one_update_per_action_and_round"),
        ]

    def __str__(self):
        return f"{self.action} – {self.round.label}"

    def get_absolute_url(self):
        return self.action.get_absolute_url()

    def clean(self):
        if self.action_id and self.round_id and self.action.plan_id not in (None, self.round.plan_id):
            raise ValidationError({"round": "This round belongs to another plan."})
