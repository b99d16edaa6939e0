"""A small tree plan rated on RAG over two rounds, whose every action moves differently between them.

| Action | Leads          | September 2025 | December 2025      | Movement  |
| 1.1.1  | Police         | Green          | Red                | worse     |
| 1.1.2  | Police, Health | Amber          | Green              | improved  |
| 1.2.1  | Health         | (no update)    | Amber, overdue     | new       |
| 2.1.1  | (none)         | Green          | (carried: Green)   | unchanged |
"""

from dataclasses import dataclass
from datetime import date

import pytest
from django.urls import reverse

from objectives.models import Action, BusinessPlan, ProgressRound
from tests.factories import (
    ActionFactory,
    AimFactory,
    BusinessPlanFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
)

RAG = ("Red", "Amber", "Green", "Complete", "Not started", "No update")


@dataclass
class World:
    plan: BusinessPlan
    september: ProgressRound
    december: ProgressRound
    worse: Action
    improved: Action
    new: Action
    unchanged: Action


@pytest.fixture
def world(lead_agency, other_agency):
    plan = BusinessPlanFactory(title="2025/26", starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31))
    aim_1 = AimFactory(plan=plan, number="1", title="Keep children safe")
    aim_2 = AimFactory(plan=plan, number="2", title="Learn from reviews")
    objective_11 = ObjectiveFactory(aim=aim_1, ref="1.1", title="Audit")
    objective_12 = ObjectiveFactory(aim=aim_1, ref="1.2", title="Train")
    objective_21 = ObjectiveFactory(aim=aim_2, ref="2.1", title="Review")
    september = ProgressRoundFactory(plan=plan, as_of=date(2025, 9, 30), deadline=None)
    december = ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31), deadline=None)
    worse = ActionFactory(objective=objective_11, ref="1.1.1", lead_agencies=[lead_agency])
    improved = ActionFactory(objective=objective_11, ref="1.1.2", lead_agencies=[lead_agency, other_agency])
    new = ActionFactory(objective=objective_12, ref="1.2.1", lead_agencies=[other_agency], target_on=date(2025, 11, 30))
    unchanged = ActionFactory(objective=objective_21, ref="2.1.1")
    for action, progress_round, rag in [
        (worse, september, "green"),
        (worse, december, "red"),
        (improved, september, "amber"),
        (improved, december, "green"),
        (new, december, "amber"),
        (unchanged, september, "green"),
    ]:
        ProgressUpdateFactory(action=action, round=progress_round, rag=rag)
    return World(plan, september, december, worse, improved, new, unchanged)


def lines_of(lines) -> list[tuple]:
    """CountLines as (name, total, counts) to compare whole tables at once."""
    return [(line.name, line.total, line.counts) for line in lines]


@pytest.fixture
def dashboard_url():
    return reverse("dashboard")
