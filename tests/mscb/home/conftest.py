"""A plan running today with its open round past its deadline: the world every home page test starts from."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import BusinessPlanFactory, ProgressRoundFactory


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def plan(db, today):
    return BusinessPlanFactory(
        title="2026/27", starts_on=today - timedelta(days=100), ends_on=today + timedelta(days=200)
    )


@pytest.fixture
def open_round(plan, today):
    return ProgressRoundFactory(plan=plan, as_of=today - timedelta(days=3), deadline=today - timedelta(days=1))
