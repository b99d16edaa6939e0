"""The year's budget as the budget page, the paper and the yearly report print it (two queries), and every
plan's totals for the budget's front page (one)."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Lower, NullIf

from objectives.models import BusinessPlan

from .models import PartnerContribution, SpendLine

# Sums of pounds and pence, as the models keep them.
MONEY = DecimalField(max_digits=14, decimal_places=2)


@dataclass(frozen=True)
class Budget:
    contributions: list[PartnerContribution]
    spend_lines: list[SpendLine]

    @property
    def is_empty(self) -> bool:
        return not self.contributions and not self.spend_lines

    @property
    def pooled(self) -> Decimal:
        """The pooled budget: the money every partner agreed to put in."""
        return sum((row.agreed for row in self.contributions), Decimal("0"))

    @property
    def paid(self) -> Decimal:
        return sum((row.paid for row in self.contributions), Decimal("0"))

    @property
    def outstanding(self) -> Decimal:
        return sum((row.outstanding for row in self.contributions), Decimal("0"))

    @property
    def in_kind_value(self) -> Decimal:
        return sum((row.in_kind_value or Decimal("0") for row in self.contributions), Decimal("0"))

    @property
    def budgeted(self) -> Decimal:
        return sum((line.budgeted for line in self.spend_lines), Decimal("0"))

    @property
    def spent(self) -> Decimal:
        return sum((line.spent for line in self.spend_lines), Decimal("0"))

    @property
    def balance(self) -> Decimal:
        """Money paid in less money spent; negative when the year overspent what came in."""
        return self.paid - self.spent


def budget_for(plan) -> Budget:
    # By the name the tables show (the short name, else the full name), as Agency's own ordering lists them.
    by_shown_name = Lower(Coalesce(NullIf("agency__short_name", Value("")), "agency__name"))
    contributions = list(
        PartnerContribution.objects.filter(plan=plan).select_related("agency").order_by(by_shown_name, "agency__name")
    )
    spend_lines = list(SpendLine.objects.filter(plan=plan))
    return Budget(contributions=contributions, spend_lines=spend_lines)


def _total(model, field: str):
    """One plan's sum of `field` over `model`'s rows, as a subquery, so plans with many rows stay one query."""
    rows = model.objects.filter(plan=OuterRef("pk")).order_by().values("plan")
    total = Subquery(rows.annotate(total=Sum(field)).values("total"), output_field=MONEY)
    return Coalesce(total, Value(Decimal("0")), output_field=MONEY)


def plans_with_totals():
    """Every plan, newest first, with its pooled budget, money paid in and money spent: one query."""
    return BusinessPlan.objects.annotate(
        pooled=_total(PartnerContribution, "agreed"),
        paid=_total(PartnerContribution, "paid"),
        spent=_total(SpendLine, "spent"),
    ).order_by("-starts_on", "title")
