"""The budget's rows: the database refuses negatives and duplicates; the year's totals add up."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from budget.models import PartnerContribution, SpendLine
from budget.selectors import budget_for, plans_with_totals
from core.formats import pounds
from tests.budget.factories import PartnerContributionFactory, SpendLineFactory
from tests.factories import AgencyFactory, BusinessPlanFactory

pytestmark = pytest.mark.django_db


def test_one_contribution_per_agency_per_plan(plan):
    first = PartnerContributionFactory(plan=plan)

    with pytest.raises(IntegrityError), transaction.atomic():
        PartnerContribution.objects.create(plan=plan, agency=first.agency)


def test_the_same_agency_may_contribute_to_another_year(plan):
    first = PartnerContributionFactory(plan=plan)

    PartnerContributionFactory(plan=BusinessPlanFactory(title="2026/27"), agency=first.agency)


def test_one_spend_line_per_heading_per_plan(plan):
    SpendLineFactory(plan=plan, heading="Case reviews")

    with pytest.raises(IntegrityError), transaction.atomic():
        SpendLine.objects.create(plan=plan, heading="Case reviews")


@pytest.mark.parametrize("field", ["agreed", "paid"])
def test_the_database_refuses_a_negative_contribution(plan, field):
    with pytest.raises(IntegrityError), transaction.atomic():
        PartnerContribution.objects.create(plan=plan, agency=AgencyFactory(), **{field: Decimal("-1")})


@pytest.mark.parametrize("field", ["budgeted", "spent"])
def test_the_database_refuses_a_negative_spend(plan, field):
    with pytest.raises(IntegrityError), transaction.atomic():
        SpendLine.objects.create(plan=plan, heading="Chair", **{field: Decimal("-1")})


def test_validation_refuses_a_negative_value_in_kind(plan):
    row = PartnerContribution(plan=plan, agency=AgencyFactory(), in_kind_value=Decimal("-5"))

    with pytest.raises(ValidationError) as refused:
        row.full_clean()

    assert "in_kind_value" in refused.value.message_dict


def test_outstanding_is_never_below_nothing_when_an_agency_paid_more():
    row = PartnerContribution(agreed=Decimal("100"), paid=Decimal("150"))

    assert row.outstanding == Decimal("0")


def test_budget_totals_add_up(plan):
    PartnerContributionFactory(plan=plan, agreed=Decimal("1000"), paid=Decimal("400"), in_kind_value=Decimal("50"))
    PartnerContributionFactory(plan=plan, agreed=Decimal("500"), paid=Decimal("600"))
    SpendLineFactory(plan=plan, budgeted=Decimal("900"), spent=Decimal("700"))
    SpendLineFactory(plan=plan, budgeted=Decimal("600"), spent=Decimal("650"))
    SpendLineFactory(plan=BusinessPlanFactory(title="2026/27"), spent=Decimal("99999"))

    budget = budget_for(plan)

    assert (budget.pooled, budget.paid, budget.outstanding) == (Decimal("1500"), Decimal("1000"), Decimal("600"))
    assert (budget.in_kind_value, budget.budgeted, budget.spent) == (Decimal("50"), Decimal("1500"), Decimal("1350"))
    assert budget.balance == Decimal("-350")


def test_plans_with_totals_sums_each_plan_alone(plan, django_assert_num_queries):
    PartnerContributionFactory.create_batch(2, plan=plan, agreed=Decimal("10"), paid=Decimal("4"))
    SpendLineFactory.create_batch(3, plan=plan, spent=Decimal("1.50"))
    empty = BusinessPlanFactory(title="2026/27")

    with django_assert_num_queries(1):
        totals = {row.pk: (row.pooled, row.paid, row.spent) for row in plans_with_totals()}

    assert totals[plan.pk] == (Decimal("20"), Decimal("8"), Decimal("4.50"))
    assert totals[empty.pk] == (Decimal("0"), Decimal("0"), Decimal("0"))


@pytest.mark.parametrize(
    ("amount", "written"),
    [
        (Decimal("1234.5"), "£1,234.50"),
        ("0", "£0.00"),
        (Decimal("-20"), "-£20.00"),
        ("1234567.891", "£1,234,567.89"),
        (12, "£12.00"),
    ],
)
def test_pounds_writes_money_as_the_board_does(amount, written):
    assert pounds(amount) == written
