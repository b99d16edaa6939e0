"""Each action's target in the paper's words, now that a paper works out each distinct target once
(objectives.paper.from_report)."""

from datetime import date

import pytest

from objectives.paper.build import build_paper, rounds_for_paper
from tests.factories import ActionFactory, ObjectiveFactory, ProgressRoundFactory

pytestmark = pytest.mark.django_db


def test_actions_sharing_a_date_keep_their_own_slips_and_timescales():
    objective = ObjectiveFactory()
    march = date(2026, 3, 31)
    plain = ActionFactory(objective=objective, ref="1.1.1", target_on=march, target_is_month=True)
    same = ActionFactory(objective=objective, ref="1.1.2", target_on=march, target_is_month=True)
    slipped = ActionFactory(objective=objective, ref="1.1.3", target_on=date(2025, 12, 31), target_is_month=True)
    slipped.revise_target(march, is_month=True)
    slipped.save()
    across = ActionFactory(objective=objective, ref="1.1.4", target_on=march, target_is_month=True, timescale="2026/27")
    on_the_day = ActionFactory(objective=objective, ref="1.1.5", target_on=march, target_is_month=False)
    progress_round = ProgressRoundFactory(plan=objective.plan, as_of=date(2026, 3, 31))

    paper = build_paper(progress_round=rounds_for_paper().get(pk=progress_round.pk), author="")

    targets = {row.ref: row.target for row in paper.rows}
    assert targets == {
        plain.ref: "March 2026",
        same.ref: "March 2026",
        slipped.ref: "March 2026 (originally December 2025; slipped once)",
        across.ref: "March 2026 – 2026/27",
        on_the_day.ref: "31 March 2026",
    }
