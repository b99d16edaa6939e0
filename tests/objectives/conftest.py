"""The objectives tests' default plan: objective 1.1 and its plan's March 2026 round, due 13 March.

The round page's and the close-round tests use these; a module that needs another objective or round
(a titled plan, a different deadline) defines its own fixture of the same name, which pytest prefers.
"""

from datetime import date

import pytest

from tests.factories import ObjectiveFactory, ProgressRoundFactory


@pytest.fixture
def objective():
    return ObjectiveFactory(ref="1.1", aim__number=1)


@pytest.fixture
def march(objective):
    return ProgressRoundFactory(plan=objective.plan, as_of=date(2026, 3, 31), deadline=date(2026, 3, 13))
