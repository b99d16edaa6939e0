"""A small plan year for the yearly report's tests: two rounds, a few rated actions, an indicator."""

from datetime import date

import pytest

from mscb.yearly import services
from objectives.models import ProgressUpdate
from tests.factories import (
    ActionFactory,
    AgencyFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
)


@pytest.fixture
def year_plan(db):
    objective = ObjectiveFactory(ref="1.1", aim__number="1")
    plan = objective.plan
    police = AgencyFactory(name="Police")
    rounds = [ProgressRoundFactory(plan=plan, as_of=as_of) for as_of in (date(2025, 9, 30), date(2026, 3, 31))]
    for number, (first, last) in enumerate(
        [(ProgressUpdate.Rag.AMBER, ProgressUpdate.Rag.GREEN), (ProgressUpdate.Rag.GREEN, ProgressUpdate.Rag.RED)],
        start=1,
    ):
        action = ActionFactory(objective=objective, ref=f"1.1.{number}", lead_agencies=[police])
        ProgressUpdateFactory(action=action, round=rounds[0], rag=first)
        ProgressUpdateFactory(action=action, round=rounds[1], rag=last, impact=f"Impact of 1.1.{number}.")
    indicator = IndicatorFactory(plan=plan, name="Repeat referrals")
    IndicatorValueFactory(indicator=indicator, period_end=date(2025, 6, 30), value=24)
    IndicatorValueFactory(indicator=indicator, period_end=date(2025, 12, 31), value=17)
    return plan


def add_actions(plan, how_many: int) -> None:
    """More rated actions, under a new objective, to show a page's queries do not grow with rows."""
    objective = ObjectiveFactory(aim=plan.aims.first())
    rounds = list(plan.rounds.order_by("as_of"))
    for _ in range(how_many):
        action = ActionFactory(objective=objective, lead_agencies=[AgencyFactory()])
        for progress_round in rounds:
            ProgressUpdateFactory(action=action, round=progress_round)


@pytest.fixture
def report(year_plan, board_manager):
    """The plan year's yearly report, its figures generated."""
    return services.generate_yearly_report(plan=year_plan, by=board_manager)
