"""A plan of 2025/26 to carry over: open, completed and hidden actions, slippage, a round with progress."""

from dataclasses import dataclass
from datetime import date

import pytest

from objectives.models import Action, BusinessPlan, ProgressRound
from tests.factories import ActionFactory, AgencyFactory, AimFactory, ObjectiveFactory, ProgressUpdateFactory


@dataclass
class Source:
    plan: BusinessPlan
    slipped: Action  # 1.1.1, open, target moved later twice
    completed: Action  # 1.1.2
    hidden: Action  # 1.2.1, open but deleted
    open_two: Action  # 1.2.2, open
    progress_round: ProgressRound


@pytest.fixture
def source(db) -> Source:
    aim = AimFactory(
        plan__title="2025/26", plan__shape="tree", number="1", title="Children are safe", strategic_lead="DCS"
    )
    plan = aim.plan
    first = ObjectiveFactory(aim=aim, ref="1.1", title="Partners work together")
    second = ObjectiveFactory(aim=aim, ref="1.2", title="Children are heard")
    police = AgencyFactory(name="Fenbridge Youth Justice")
    slipped = ActionFactory(
        objective=first,
        ref="1.1.1",
        text="Extend the audit programme",
        lead_agencies=[police],
        lead_officer="Sam Okafor",
        responsibility="Chair",
        success_measure="Every agency audited",
        target_on=date(2026, 3, 31),
        target_is_month=True,
        original_target_on=date(2025, 9, 30),
        original_target_is_month=True,
        times_slipped=2,
    )
    completed = ActionFactory(objective=first, ref="1.1.2", text="Publish the results")
    completed.mark_completed(date(2025, 10, 1))
    completed.save()
    hidden = ActionFactory(objective=second, ref="1.2.1", text="A deleted action", is_deleted=True)
    open_two = ActionFactory(objective=second, ref="1.2.2", text="Survey children")
    update = ProgressUpdateFactory(action=slipped, round__as_of=date(2025, 12, 31), progress="Half the audits done")
    return Source(plan, slipped, completed, hidden, open_two, update.round)


def next_year(source_plan, **changes):
    """The keyword arguments of roll_over_plan for 2026/27."""
    return {"source": source_plan, "title": "2026/27", "starts_on": date(2026, 4, 1), "ends_on": date(2027, 3, 31)} | (
        changes
    )
