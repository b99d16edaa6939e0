"""The board manager sets which columns the committee table shows, and its progress heading, in the browser."""

import pytest
from playwright.sync_api import Page, expect

from objectives import roles
from objectives.models import BusinessPlan
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.pages import signed_in
from tests.factories import BusinessPlanFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def plan(live_server):
    UserFactory(username="manager", first_name="Morgan", last_name="Manager", roles=[roles.BOARD_MANAGERS])
    return BusinessPlanFactory(title="2025/26")


def test_manager_changes_the_committee_tables_columns_and_heading(page: Page, live_server, plan):
    signed_in(page, live_server.url, "manager")

    page.goto(f"{live_server.url}{plan.get_absolute_url()}")
    page.get_by_role("link", name="Edit plan").click()
    assert_no_axe_violations(page)
    page.get_by_label("Success measure").check()
    page.get_by_label("Rating", exact=True).uncheck()
    page.get_by_label("Progress column heading").fill("Progress presented to Committee <Mon YYYY>")
    page.get_by_role("button", name="Save").click()

    expect(page.locator(".alert-success")).to_contain_text("saved")
    assert_no_axe_violations(page)
    plan = BusinessPlan.objects.get(pk=plan.pk)
    assert plan.report_columns == ["ref", "action", "lead", "target", "success_measure", "progress"]
    assert plan.progress_heading == "Progress presented to Committee <Mon YYYY>"


def test_a_plan_form_without_the_action_column_says_so_and_passes_axe(page: Page, live_server, plan):
    signed_in(page, live_server.url, "manager")

    page.goto(f"{live_server.url}/plans/{plan.pk}/edit/")
    page.get_by_label("Action", exact=True).uncheck()
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_text("The committee table needs its Action column.", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Columns of the committee table: The committee table needs")).to_be_visible()
    assert_no_axe_violations(page)
    assert BusinessPlan.objects.get(pk=plan.pk).report_columns == plan.report_columns
