"""The business plan's structure: the plan, its aims and objectives, and how deleting hides them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from ..refs import natural_sort_key, nesting_problem, validate_ref


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


# Kept by name: what hides an objective is on the model (hidden_with), so its queryset adds nothing.
ObjectiveQuerySet = RefQuerySet


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


class Objective(SoftDeleteModel, RefModel):
    hidden_with = ("aim",)

    plan = models.ForeignKey(BusinessPlan, on_delete=models.CASCADE, related_name="objectives", editable=False)
    aim = models.ForeignKey(Aim, on_delete=models.CASCADE, related_name="objectives")
    title = models.CharField(max_length=500)
    is_deleted = models.BooleanField("deleted", default=False)

    history = HistoricalRecords()
    objects = ObjectiveQuerySet.as_manager()

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
