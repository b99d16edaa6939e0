"""Each performance indicator of the plan gets a trend panel: its values up to the round's date against its target."""

from datetime import date
from decimal import Decimal

import pytest

from objectives.models import Indicator, IndicatorValue
from tests.factories import BusinessPlanFactory, IndicatorFactory, IndicatorValueFactory


@pytest.fixture
def re_referrals(world, lead_agency):
    indicator = IndicatorFactory(
        plan=world.plan,
        name="Re-referrals within 12 months",
        unit=Indicator.Unit.PERCENTAGE,
        better=Indicator.Better.LOWER,
        target=Decimal("18"),
        owner=lead_agency,
    )
    for period_end, value in [(date(2025, 6, 30), "24"), (date(2025, 9, 30), "21.5"), (date(2026, 3, 31), "17")]:
        IndicatorValueFactory(
            indicator=indicator, period_end=period_end, period=IndicatorValue.Period.QUARTER, value=Decimal(value)
        )
    return indicator


def indicator_panels(response):
    return [panel for panel in response.context["dashboard"].panels if panel.panel_id.startswith("indicator-")]


def test_an_indicator_is_charted_with_its_values_up_to_the_rounds_date_only(
    reader_client, dashboard_url, world, re_referrals
):
    response = reader_client.get(dashboard_url, {"plan": world.plan.pk, "round": world.december.pk})

    (panel,) = indicator_panels(response)
    assert panel.heading == "Re-referrals within 12 months"
    assert panel.rows == (("quarter to June 2025", ("24%", "18%")), ("quarter to September 2025", ("21.5%", "18%")))
    assert panel.summary == (
        "Re-referrals within 12 months: 21.5% (quarter to September 2025), improving; the target is 18%."
    )
    assert panel.note == "Lower is better."
    assert "17%" not in panel.chart
    assert "Target 18%" in panel.chart


def test_the_chart_names_itself_and_marks_every_period(reader_client, dashboard_url, world, re_referrals):
    response = reader_client.get(dashboard_url, {"plan": world.plan.pk, "round": world.december.pk})

    chart = indicator_panels(response)[0].chart
    assert "<title" in chart
    assert "Re-referrals within 12 months, period by period</title>" in chart
    assert chart.count("<circle") == 2
    assert "style=" not in chart
    assert "June 2025" in chart
    assert "September 2025" in chart


def test_an_indicator_with_no_value_yet_says_so(reader_client, dashboard_url, world):
    IndicatorFactory(plan=world.plan, name="Audits completed")

    response = reader_client.get(dashboard_url, {"plan": world.plan.pk})

    (panel,) = indicator_panels(response)
    assert panel.summary == "Audits completed: no value up to this round's date yet."
    assert panel.rows == ()
    assert "No figures to chart." in panel.chart


def test_a_rate_is_named_with_what_it_is_per(reader_client, dashboard_url, world):
    rate = IndicatorFactory(plan=world.plan, name="Child protection plans", unit="rate", rate_per="10,000 children")
    IndicatorValueFactory(indicator=rate, period_end=date(2025, 9, 30), value=Decimal("43.6"))

    response = reader_client.get(dashboard_url, {"plan": world.plan.pk})

    (panel,) = indicator_panels(response)
    assert panel.heading == "Child protection plans (per 10,000 children)"
    assert panel.summary.endswith("no target set.")


def test_choosing_an_agency_shows_the_indicators_it_owns(
    reader_client, dashboard_url, world, re_referrals, other_agency
):
    IndicatorFactory(plan=world.plan, name="Health visits", owner=other_agency)

    response = reader_client.get(dashboard_url, {"plan": world.plan.pk, "agency": other_agency.pk})

    assert [panel.heading for panel in indicator_panels(response)] == ["Health visits"]


def test_another_plans_indicators_are_not_charted(reader_client, dashboard_url, world):
    IndicatorFactory(plan=BusinessPlanFactory(title="2030/31"), name="Another plan's figure")

    response = reader_client.get(dashboard_url, {"plan": world.plan.pk})

    assert indicator_panels(response) == []
    assert "Another plan&#x27;s figure" not in response.content.decode()


def test_the_panel_is_on_the_page_with_its_table(reader_client, dashboard_url, world, re_referrals):
    response = reader_client.get(dashboard_url, {"plan": world.plan.pk, "round": world.december.pk})

    page = response.content.decode()
    assert "<caption>Re-referrals within 12 months: values by period</caption>" in page
    assert "<td>21.5%</td>" in page
