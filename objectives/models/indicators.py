"""Performance indicators: one number a board tracks over time (a count, a percentage, a rate), and its values.

An indicator rates on its plan's scale by thresholds: each level may have a "from" value, and the indicator takes
the best level whose "from" its value has reached in the better direction (at or above it when higher is better,
at or below it when lower is). A value short of every threshold, or a plan with no scale, gives no rating.
"""

from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.formats import month_year

from ..roles import is_board_manager
from .agencies import Agency
from .plan import BusinessPlan, Objective


class IndicatorQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Every reader of the plan sees its indicators."""
        if not user.has_perm("objectives.view_indicator"):
            return self.none()
        return self.all()

    def editable_by(self, user):
        """Indicators whose values this user may enter: all for the board manager, else their agencies' own."""
        if is_board_manager(user):
            return self.all()
        if not user.has_perm("objectives.submit_progressupdate"):
            return self.none()
        own = Agency.members.through.objects.filter(user_id=user.pk).values("agency_id")
        return self.filter(owner_id__in=own)


class Indicator(models.Model):
    class Unit(models.TextChoices):
        NUMBER = "number", "Number"
        PERCENTAGE = "percentage", "Percentage"
        RATE = "rate", "Rate"

    class Better(models.TextChoices):
        HIGHER = "higher", "Higher is better"
        LOWER = "lower", "Lower is better"

    plan = models.ForeignKey(BusinessPlan, on_delete=models.CASCADE, related_name="indicators")
    # None chosen: the indicator belongs to the plan as a whole.
    objectives = models.ManyToManyField(Objective, related_name="indicators", blank=True)
    name = models.CharField(max_length=200, help_text="Such as “Early help assessments started by partners”.")
    unit = models.CharField(max_length=20, choices=Unit.choices, default=Unit.NUMBER)
    rate_per = models.CharField(
        "per", max_length=60, blank=True, help_text="For a rate: what it is per, such as “10,000 children”."
    )
    better = models.CharField("better when", max_length=10, choices=Better.choices, default=Better.HIGHER)
    baseline = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    baseline_on = models.DateField("baseline date", null=True, blank=True)
    target = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    # {level code: "from" value as text}, on the plan's scale; see the module's docstring.
    thresholds = models.JSONField(default=dict, blank=True)
    owner = models.ForeignKey(
        Agency,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name="owning agency",
        help_text="Its contributors may enter the indicator's values.",
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(m2m_fields=[objectives])
    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "name"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "name"], name="indicator_name_unique_in_plan"),
            models.CheckConstraint(condition=Q(unit="rate") | Q(rate_per=""), name="only_a_rate_is_per_something"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("objectives:indicator_detail", args=[self.pk])

    @property
    def per_words(self) -> str:
        """A rate's "per 10,000 children"; "" for a number or a percentage (whose values carry their %)."""
        return f"per {self.rate_per}" if self.rate_per else ""

    def clean(self):
        errors = {}
        if self.unit == self.Unit.RATE and not self.rate_per.strip():
            errors["rate_per"] = "Say what the rate is per, such as “10,000 children”."
        if self.unit != self.Unit.RATE:
            self.rate_per = ""
        if self.baseline_on and self.baseline is None:
            errors["baseline"] = "Give the baseline value for its date."
        if self.plan_id:
            problem = thresholds_problem(self.thresholds, self.plan.scale)
            if problem:
                errors["thresholds"] = problem
        if errors:
            raise ValidationError(errors)

    def reaches(self, value: Decimal, mark: Decimal) -> bool:
        """Whether `value` is at `mark` or beyond it in the better direction."""
        return value >= mark if self.better == self.Better.HIGHER else value <= mark

    @property
    def unit_words(self) -> str:
        """ "number", "percentage", "rate per 10,000 children"."""
        if self.unit == self.Unit.RATE:
            return f"rate per {self.rate_per}"
        return self.get_unit_display().lower()


def thresholds_problem(thresholds: dict, scale) -> str | None:
    """Why thresholds cannot stand on `scale`, or None."""
    if thresholds and scale.is_none:
        return "The plan has no rating scale, so an indicator cannot have thresholds."
    for code, text in thresholds.items():
        if not scale.has(code):
            return f"“{code}” is not a level of the plan's rating scale; it must be one of {scale.allowed}."
        try:
            Decimal(str(text))
        except InvalidOperation:
            return f"The threshold for {scale.rating(code).label} must be a number, not “{text}”."
    return None


class IndicatorValue(models.Model):
    class Period(models.TextChoices):
        MONTH = "month", "Month"
        QUARTER = "quarter", "Quarter"
        YEAR = "year", "Year"
        PART_YEAR = "part-year", "Part of a year (so far)"

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    period_end = models.DateField("period ending", help_text="The last day of the period the value is for.")
    period = models.CharField(max_length=20, choices=Period.choices, default=Period.QUARTER)
    value = models.DecimalField(max_digits=14, decimal_places=4)
    target = models.DecimalField("target for the period", max_digits=14, decimal_places=4, null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now=True)
    # Raised on every save, so a second person's stale save is refused rather than overwriting.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "period_end"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period_end"], name="one_value_per_indicator_and_period"),
        ]

    def __str__(self):
        return f"{self.indicator}, {self.period_text}"

    @property
    def period_text(self) -> str:
        return period_text(self.period, self.period_end)


def period_text(period: str, period_end) -> str:
    """ "September 2012", "quarter to June 2026", "2011", "year to March 2011", "to September 2012"."""
    month = month_year(period_end)
    if period == IndicatorValue.Period.MONTH:
        return month
    if period == IndicatorValue.Period.QUARTER:
        return f"quarter to {month}"
    if period == IndicatorValue.Period.YEAR:
        # A calendar year is its number, as boards write it; any other year says where it ends.
        return str(period_end.year) if (period_end.month, period_end.day) == (12, 31) else f"year to {month}"
    return f"to {month}"
