from datetime import date

import pytest

from tests.factories import BusinessPlanFactory, ProgressRoundFactory


@pytest.fixture
def plan(db):
    return BusinessPlanFactory(title="2025/26", starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31))


@pytest.fixture
def december(plan):
    return ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31), deadline=date(2025, 12, 12))
