"""A board's 2012/13 plan and its December 2012 round: the year the committee papers the product was held against
come from, for tests of what a paper printed then. Import the fixtures into a test module to use them."""

from datetime import date

import pytest

from tests.factories import BusinessPlanFactory, ProgressRoundFactory


@pytest.fixture
def plan():
    return BusinessPlanFactory(title="2012/13", starts_on=date(2012, 4, 1), ends_on=date(2013, 3, 31))


@pytest.fixture
def december(plan):
    return ProgressRoundFactory(plan=plan, as_of=date(2012, 12, 31), deadline=date(2012, 12, 12))
