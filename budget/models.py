"""The board's money for a plan year: what each agency agreed to pay and paid, and what was spent on what.

A plan is the board's year, so contributions and spend hang off the plan ("2025/26"). The pooled budget is
the money agreed; what is left is what was paid in less what was spent. In-kind contributions (a venue, a
trainer's time) are described in words with an estimated value the board may leave blank.
"""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from objectives.models import Agency, BusinessPlan

NOT_NEGATIVE = [MinValueValidator(Decimal("0"))]


def money(verbose_name: str, **options) -> models.DecimalField:
    """Pounds and pence, never negative: every amount the board records."""
    return models.DecimalField(
        verbose_name, max_digits=12, decimal_places=2, validators=NOT_NEGATIVE, default=Decimal("0"), **options
    )


class PartnerContribution(models.Model):
    plan = models.ForeignKey(BusinessPlan, on_delete=models.PROTECT, related_name="partner_contributions")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="budget_contributions")
    agreed = money("agreed (£)")
    paid = money("paid so far (£)")
    in_kind = models.TextField(
        "given in kind", blank=True, help_text="Such as a venue for training, or a named officer's time."
    )
    in_kind_value = models.DecimalField(
        "estimated value in kind (£)",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=NOT_NEGATIVE,
    )
    note = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "agency"], name="one_contribution_per_agency_per_plan"),
            models.CheckConstraint(condition=models.Q(agreed__gte=0, paid__gte=0), name="contribution_not_negative"),
        ]

    def __str__(self):
        return f"{self.agency} – {self.plan.title}"

    @property
    def outstanding(self) -> Decimal:
        """What is still to be paid of what was agreed; never below nothing when an agency paid more."""
        return max(self.agreed - self.paid, Decimal("0"))


class SpendLine(models.Model):
    """One heading of the year's spend, such as "Independent chair" or "Case reviews", budgeted and spent."""

    plan = models.ForeignKey(BusinessPlan, on_delete=models.PROTECT, related_name="spend_lines")
    heading = models.CharField(max_length=120)
    budgeted = money("budgeted (£)")
    spent = money("spent (£)")
    note = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0, help_text="Lines are listed in this order.")
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "position", "heading"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "heading"], name="one_spend_line_per_heading_per_plan"),
            models.CheckConstraint(condition=models.Q(budgeted__gte=0, spent__gte=0), name="spend_not_negative"),
        ]

    def __str__(self):
        return f"{self.heading} – {self.plan.title}"
