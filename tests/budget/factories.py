from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from budget.models import PartnerContribution, SpendLine
from tests.factories import AgencyFactory, BusinessPlanFactory


class PartnerContributionFactory(DjangoModelFactory):
    class Meta:
        model = PartnerContribution

    plan = factory.SubFactory(BusinessPlanFactory)
    agency = factory.SubFactory(AgencyFactory)
    agreed = Decimal("10000.00")
    paid = Decimal("5000.00")


class SpendLineFactory(DjangoModelFactory):
    class Meta:
        model = SpendLine

    plan = factory.SubFactory(BusinessPlanFactory)
    heading = factory.Sequence(lambda n: f"Heading {n}")
    budgeted = Decimal("4000.00")
    spent = Decimal("3000.00")
