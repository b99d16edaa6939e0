"""The business plan's structure: the plan, its aims and objectives, and how deleting hides them."""

from datetime import date
from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core import rating
from core.models import RatingScale

from ..refs import natural_sort_key, validate_ref
from .shapes import (
    LEVEL_NAMES,
    PlanShape,
    default_report_columns,
    in_sentence,
    level_names_problem,
    plural,
    progress_heading,
)


def default_rating_scale():
    """New plans rate on RAG unless the board chooses another scale."""
    return RatingScale.objects.filter(name=rating.DEFAULT_SCALE_NAME).values_list("pk", flat=True).first()


class BusinessPlanQuerySet(models.QuerySet):
    def with_scale(self):
        """Plans with their rating scale and its levels, so plan.scale asks nothing more."""
        return self.select_related("rating_scale").prefetch_related("rating_scale__levels")

    def current(self, today: date):
        """The plans running today; between plans, the one that started last. Lazy, so it can be a subquery."""
        running = BusinessPlan.objects.filter(starts_on__lte=today, ends_on__gte=today)
        latest_started = BusinessPlan.objects.order_by("-starts_on", "title").values("pk")[:1]
        return self.filter(Q(pk__in=running.values("pk")) | (Q(pk__in=latest_started) & ~Exists(running)))


class BusinessPlan(models.Model):
    title = models.CharField(max_length=100, unique=True, help_text='Such as "2025/26".')
    starts_on = models.DateField("start date")
    ends_on = models.DateField("end date")
    shape = models.CharField(
        max_length=20,
        choices=PlanShape.choices,
        default=PlanShape.TREE,
        help_text="How the plan is laid out. It can be changed only while the plan is empty.",
    )
    rating_scale = models.ForeignKey(
        RatingScale, on_delete=models.PROTECT, related_name="plans", default=default_rating_scale
    )
    # What the board calls each level, on every page and in the paper.
    aim_name = models.CharField("name of the top level", max_length=40, default=LEVEL_NAMES[PlanShape.TREE][0])
    objective_name = models.CharField("name of the middle level", max_length=40, default="Objective")
    action_name = models.CharField("name of an action", max_length=40, default="Action")
    # The committee table's columns, in ReportColumn's order; see objectives.models.shapes.
    report_columns = models.JSONField(default=default_report_columns)
    progress_heading = models.CharField(
        "progress column heading",
        max_length=120,
        default="Progress report <Month YYYY>",
        help_text="<Month YYYY> becomes the round's month, such as December 2025; <Mon YYYY> becomes Dec 2025.",
    )

    # Raised by each save through its edit form, so a save loaded before someone else's is refused, not lost.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = BusinessPlanQuerySet.as_manager()

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
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on <= self.starts_on:
            errors["ends_on"] = "The end date must be after the start date."
        problem = level_names_problem(self)
        if problem:
            errors["aim_name"] = problem
        if errors:
            raise ValidationError(errors)

    @cached_property
    def scale(self) -> rating.Scale:
        """The plan's rating scale as plain data (fetch plans with_scale() to read it without a query)."""
        return self.rating_scale.as_scale()

    def progress_heading_for(self, as_of) -> str:
        """The progress column's heading for a round as of `as_of`."""
        return progress_heading(self.progress_heading, as_of)

    @property
    def has_objectives(self) -> bool:
        """Tree plans show their middle level; in two-level and list plans it is implicit and never shown."""
        return self.shape == PlanShape.TREE

    @property
    def has_aims(self) -> bool:
        """List plans have one implicit top level, never shown."""
        return self.shape != PlanShape.LIST

    @property
    def is_shape_fixed(self) -> bool:
        """Whether anything was added under the shape (deleted items too, which could come back)."""
        return self.pk is not None and self.aims.exists()

    @property
    def top_items_name(self) -> str:
        """What the plan's first level is called in the plural: Aims, Priorities, or (a list) Recommendations."""
        return plural(self.aim_name if self.has_aims else self.action_name)

    @property
    def latest_round(self):
        return self.rounds.order_by("-as_of").first()


class SoftDeleteQuerySet(models.QuerySet):
    def not_hidden(self):
        """Rows shown in the plan: neither deleted themselves nor under a deleted aim or objective."""
        shown = self.filter(is_deleted=False)
        for parent in self.model.hidden_with:
            # exclude(), not filter(): a review's or CDOP year's action has no objective and stays shown.
            shown = shown.exclude(**{f"{parent}__is_deleted": True})
        return shown

    def deleted(self):
        """Rows deleted and waiting to be restored."""
        return self.filter(is_deleted=True)


class SoftDeleteModel(models.Model):
    """A row that deleting hides (the board manager can restore it), with the parents that hide it too.

    Each model declares its own `is_deleted` field where it stands, so forms and history keep their field order.
    """

    # The relations whose deletion hides a row too: an objective goes with its aim, an action with both.
    # The query (not_hidden) and the row (is_hidden) both read this one list.
    hidden_with: tuple[str, ...] = ()

    class Meta:
        abstract = True

    @property
    def is_hidden(self) -> bool:
        """The row-by-row twin of not_hidden()."""
        return self.is_deleted or any(parent is not None and parent.is_deleted for parent in self._hiding_parents())

    def _hiding_parents(self):
        for path in self.hidden_with:
            parent = self
            for name in path.split("__"):
                parent = getattr(parent, name) if parent is not None else None
            yield parent


class Aim(SoftDeleteModel):
    plan = models.ForeignKey(BusinessPlan, on_delete=models.CASCADE, related_name="aims")
    # As the board writes it: "1", "1a", "P1". Called number as boards call it "priority 1a".
    number = models.CharField(max_length=30, validators=[validate_ref])
    sort_key = models.CharField(max_length=200, editable=False, db_index=True, default="")
    title = models.CharField(max_length=300)
    strategic_lead = models.CharField(
        max_length=200, blank=True, help_text="Who leads this for the board, such as “Director of Children's Services”."
    )
    # Deleting hides; the board manager can restore. Nothing in the plan is ever lost.
    is_deleted = models.BooleanField("deleted", default=False)
    # Raised by each save through its edit form, so a save loaded before someone else's is refused, not lost.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = SoftDeleteQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="aim_number_unique_in_plan"),
        ]

    def __str__(self):
        # Without the level's name, which would cost a query for the plan wherever aims are listed.
        return f"{self.number}: {self.title}"

    def save(self, *args, **kwargs):
        self.set_sort_key()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "number" in update_fields:
            kwargs["update_fields"] = {*update_fields, "sort_key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("objectives:plan_detail", args=[self.plan_id]) + f"#aim-{self.number}"

    def set_sort_key(self):
        """Derive the sort key from the number; save() calls it, and so does a bulk write, which skips save()."""
        self.sort_key = natural_sort_key(self.number)

    def clean(self):
        clash = Aim.objects.filter(plan_id=self.plan_id, number=self.number).exclude(pk=self.pk)
        if self.plan_id and self.number and clash.exists():
            raise ValidationError({"number": f"{self.plan.aim_name} {self.number} already exists in this plan."})

    def implicit_objective(self) -> "Objective":
        """The one unnamed middle level under this aim in a two-level or list plan, made when first needed."""
        objective, _ = Objective.objects.get_or_create(
            aim=self, ref=self.number, defaults={"plan_id": self.plan_id, "title": self.title}
        )
        return objective


def implicit_aim(plan: BusinessPlan) -> Aim:
    """A list plan's one unnamed top level, made when first needed."""
    aim, _ = Aim.objects.get_or_create(plan=plan, number="1", defaults={"title": plan.title})
    return aim


class RefQuerySet(SoftDeleteQuerySet):
    def in_ref_order(self):
        """Natural reference order: 1.1.9 before 1.1.10."""
        return self.order_by("sort_key")


# Kept by name: what hides an objective is on the model (hidden_with), so its queryset adds nothing.
ObjectiveQuerySet = RefQuerySet


class RefModel(models.Model):
    """An objective or action: a reference as the board typed it, unique within its parent, sorted naturally."""

    ref = models.CharField("ref", max_length=30, validators=[validate_ref])
    # Derived from ref so the database can order and paginate naturally; never edited by hand.
    sort_key = models.CharField(max_length=200, editable=False, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.set_sort_key()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "ref" in update_fields:
            kwargs["update_fields"] = {*update_fields, "sort_key"}
        super().save(*args, **kwargs)

    def set_sort_key(self):
        """Derive the sort key from the reference; save() calls it, and so does a bulk write, which skips save()."""
        self.sort_key = natural_sort_key(self.ref)


class Objective(SoftDeleteModel, RefModel):
    hidden_with = ("aim",)

    plan = models.ForeignKey(BusinessPlan, on_delete=models.CASCADE, related_name="objectives", editable=False)
    aim = models.ForeignKey(Aim, on_delete=models.CASCADE, related_name="objectives")
    title = models.CharField(max_length=500)
    is_deleted = models.BooleanField("deleted", default=False)
    # Raised by each save through its edit form, so a save loaded before someone else's is refused, not lost.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = ObjectiveQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["aim", "ref"], name="objective_ref_unique_in_aim"),
        ]

    def __str__(self):
        return f"{self.ref}: {self.title}"

    def get_absolute_url(self):
        return reverse("objectives:plan_detail", args=[self.plan_id]) + f"#objective-{self.ref}"

    def clean(self):
        # The plan follows the aim; the reference is unique under its aim.
        if self.aim_id:
            self.plan_id = self.aim.plan_id
            clash = Objective.objects.filter(aim_id=self.aim_id, ref=self.ref).exclude(pk=self.pk)
            if self.ref and clash.exists():
                names = self.aim.plan
                where = f"{in_sentence(names.aim_name)} {self.aim.number}"
                raise ValidationError({"ref": f"{names.objective_name} {self.ref} already exists under {where}."})
