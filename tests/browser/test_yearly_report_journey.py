"""The board manager opens the demo plan's yearly report, writes the narrative of one section and sees it there."""

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.demo_cache import demo_plan, load_demo
from tests.browser.pages import signed_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WRITTEN = "Two training courses were repeated at the partners' request; attendance from schools doubled."


def test_a_manager_writes_a_sections_narrative_and_sees_it_in_the_report(page, live_server):
    load_demo()
    plan = demo_plan()
    signed_in(page, live_server.url, "manager")

    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Yearly report").first.click()
    page.get_by_role("link", name=plan.title, exact=True).click()
    expect(page.get_by_role("heading", level=2, name="Evidence of impact")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Write the narrative for Evidence of impact").click()
    expect(page.get_by_role("heading", level=2, name="What this section should show")).to_be_visible()
    page.get_by_label("Narrative").fill(WRITTEN)
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Save").click()

    expect(page.locator(".alert-success")).to_contain_text("Narrative saved.")
    expect(page.locator("#section-impact")).to_contain_text(WRITTEN)
