"""The demo's performance indicators: a year and a quarter of quarterly values, dated from the demo's day."""

from datetime import date

import pytest

from mscb.demo.indicators import INDICATORS, quarter_ends
from objectives.models import Indicator, IndicatorValue, ProgressRound
from objectives.paper.build import build_paper
from objectives.views.report import report_round

from .demo_loaded import DEMO_DAY, MAIN_PLAN, load_demo

DEC_2024_TO_DEC_2025 = [date(2024, 12, 31), date(2025, 3, 31), date(2025, 6, 30), date(2025, 9, 30), date(2025, 12, 31)]


@pytest.mark.parametrize(
    ("today", "ends"),
    [
        (date(2026, 3, 13), DEC_2024_TO_DEC_2025),
        (date(2026, 1, 15), DEC_2024_TO_DEC_2025),
        (date(2026, 3, 31), DEC_2024_TO_DEC_2025),
        (
            date(2026, 7, 1),
            [date(2025, 6, 30), date(2025, 9, 30), date(2025, 12, 31), date(2026, 3, 31), date(2026, 6, 30)],
        ),
    ],
)
def test_quarter_ends_are_the_quarters_finished_before_the_day(today, ends):
    assert quarter_ends(today, 5) == ends


def test_load_demo_gives_each_indicator_its_quarterly_values_up_to_the_demo_day(demo_output):
    indicators = Indicator.objects.filter(plan__title=MAIN_PLAN)

    assert indicators.count() == len(INDICATORS) == 5
    assert "5 indicators, 25 indicator values" in demo_output
    for indicator in indicators:
        ends = list(indicator.values.values_list("period_end", flat=True))
        assert ends == quarter_ends(DEMO_DAY, 5)
        assert indicator.objectives.count() == 1
    assert set(IndicatorValue.objects.values_list("period", flat=True)) == {IndicatorValue.Period.QUARTER}


def test_the_demos_latest_paper_prints_the_indicators_under_their_objectives(demo_output):
    latest = ProgressRound.objects.filter(plan__title=MAIN_PLAN).order_by("-as_of").first()

    paper = build_paper(progress_round=report_round(latest.plan_id, latest.pk), author="")

    shown = {
        objective.ref: [item.name for item in objective.indicators]
        for aim in paper.aims
        for objective in aim.objectives
    }
    assert shown["1.1"] == [
        "Early help assessments started by partners",
        "Re-referrals to children's social care within 12 months",
    ]
    assert shown["2.3"] == ["Children subject to a child protection plan"]
    assert all(
        len(item.points) == sum(end <= latest.as_of for end in quarter_ends(DEMO_DAY, 5))
        for aim in paper.aims
        for objective in aim.objectives
        for item in objective.indicators
    )


def test_running_load_demo_again_adds_no_indicator_value(demo_output):
    before = IndicatorValue.history.count()

    load_demo()

    assert IndicatorValue.history.count() == before
