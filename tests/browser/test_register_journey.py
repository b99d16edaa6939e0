"""A board manager records the board's decision not to accept an inspection's recommendation, then finds it in the
register filtered by that decision, and in the committee paper, with the board's reasons."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from assurance.services.recommendations import add_recommendation, record_source
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.demo_cache import demo_plan, load_demo
from tests.browser.pages import signed_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REASONS = "The front door was reviewed independently in 2025."


@pytest.fixture
def recommendation(live_server):
    load_demo()
    source = record_source(
        kind="ofsted", title="Ofsted inspection of children's services, March 2026", code="OFJ26", plan=demo_plan()
    )
    return add_recommendation(source=source, number=1, text="Commission a review of the front door.")


def test_a_manager_records_a_decision_and_finds_it_in_the_register(page, live_server, recommendation):
    plan = recommendation.source.plan
    latest = plan.rounds.order_by("-as_of").first()
    # Decided by the latest round's as-of date, so that round's paper reports it.
    decided_on = min(latest.as_of, timezone.localdate())
    signed_in(page, live_server.url, "manager")

    # From the source's page to the recommendation's form.
    page.goto(f"{live_server.url}{recommendation.source.get_absolute_url()}")
    page.get_by_role("link", name="Edit or record decision on recommendation 1").click()
    page.get_by_role("radio", name="Not accepted").check()
    page.get_by_label("Reasons").fill(REASONS)
    page.get_by_label("Decided by").fill("The board")
    page.get_by_label("At the meeting").fill("Board, 12 March 2026")
    page.get_by_label("Decided on").fill(decided_on.isoformat())
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".alert-success")).to_contain_text("Recommendation 1 saved.")

    # The register, filtered by the decision, shows it with the board's reasons.
    page.goto(f"{live_server.url}/assurance/register/")
    page.get_by_role("combobox", name="Decision").select_option(label="Not accepted")
    page.get_by_role("button", name="Apply filters").click()
    rows = page.locator("table.register-table tbody tr")
    for index in range(rows.count()):
        expect(rows.nth(index)).to_contain_text("Not accepted")
    row = rows.filter(has_text="Commission a review of the front door.")
    expect(row).to_have_count(1)
    expect(row).to_contain_text(REASONS)
    expect(row).to_contain_text("Not for action")
    assert_no_axe_violations(page)

    # The latest round's paper prints it among the recommendations not accepted in full, with the reasons.
    page.goto(f"{live_server.url}/plans/{plan.pk}/rounds/{latest.pk}/report/")
    not_accepted = page.locator("#report-section-assurance").locator("..")
    expect(not_accepted).to_contain_text("Recommendations not accepted in full")
    expect(not_accepted).to_contain_text("Ofsted inspection of children's services, March 2026, recommendation 1")
    expect(not_accepted).to_contain_text(REASONS)
