"""The board manager imports an indicator's values from a CSV file and finds it, with its trend, under its
objective in the committee report for a round; nothing after the round's as-of date shows."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from objectives.dates import add_months, last_day_of_month
from objectives.models import IndicatorValue, ProgressRound
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.demo_cache import demo_plan, load_demo
from tests.browser.pages import signed_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NAME = "Children missing from education found within ten school days"


def quarter_before(day, quarters: int):
    moved = add_months(day, -3 * quarters)
    return last_day_of_month(moved.year, moved.month)


def test_an_imported_indicator_appears_under_its_objective_with_its_trend(page: Page, live_server, tmp_path):
    load_demo()
    plan = demo_plan()
    # The latest closed round: its paper is what the committee read.
    progress_round = ProgressRound.objects.filter(plan=plan, closed_at__isnull=False).order_by("-as_of").first()
    ends = [quarter_before(progress_round.as_of, back) for back in (2, 1, 0, -1)]
    rows = [
        f"{plan.title},1.1,{NAME},percentage,{end.isoformat()},{value},90"
        for end, value in zip(ends, (71, 76, 83, 99), strict=True)
    ]
    path = tmp_path / "indicators.csv"
    path.write_text("plan,objective,indicator,unit,period_end,value,target\n" + "\n".join(rows) + "\n")
    signed_in(page, live_server.url, "manager")

    page.goto(f"{live_server.url}{reverse('objectives:indicator_import')}")
    page.get_by_label("Indicator file").set_input_files(path)
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the import of indicators.csv")
    expect(page.get_by_text("1 new indicator, 1 link to an objective, 4 new values, 0 changed values")).to_be_visible()
    page.get_by_role("button", name="Import into the indicators").click()
    expect(page.locator(".alert-success")).to_contain_text("Imported indicators.csv")
    assert IndicatorValue.objects.filter(indicator__name=NAME).count() == 4

    page.get_by_role("link", name=f"Business plan {plan.title}").click()
    page.get_by_role("link", name=progress_round.label, exact=True).click()
    table = page.get_by_role("table", name="Indicators for Obj 1.1")
    row = table.get_by_role("row").filter(has=page.get_by_role("rowheader", name=NAME))
    latest = f"83% (quarter to {ends[2]:%B %Y})"
    expect(row).to_contain_text(latest)
    expect(row).to_contain_text("Improving")
    trend = f"71% (quarter to {ends[0]:%B %Y}) → 76% (quarter to {ends[1]:%B %Y}) → {latest}"
    expect(row).to_contain_text(trend)
    expect(row.locator("svg.report-sparkline polyline")).to_have_count(1)
    expect(row).not_to_contain_text("99%")
    assert_no_axe_violations(page)
