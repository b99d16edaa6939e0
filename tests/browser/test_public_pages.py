"""A member of the public, not signed in, reads what the partnership does, its plan's ratings, and the committee
report the board manager made public."""

import pytest
from playwright.sync_api import expect

from objectives.models import PublishedReport
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.demo_cache import load_demo

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_visitor_reads_the_plan_and_opens_the_public_report(page, live_server):
    load_demo()
    report = PublishedReport.objects.public().get()
    first_aim = report.snapshot["aims"][0]

    page.goto(f"{live_server.url}/public/")
    expect(page.get_by_role("heading", name="If you are worried about a child")).to_be_visible()
    expect(page.get_by_role("heading", name=f"Aim {first_aim['number']}: {first_aim['title']}")).to_be_visible()
    expect(page.get_by_role("link", name="Sign out")).to_have_count(0)
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert_no_axe_violations(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320

    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_role("region", name="Reports").get_by_role("link", name=report.title, exact=True).click()
    expect(page.get_by_role("link", name="Download PDF")).to_be_visible()
    expect(page.locator("main")).to_contain_text(first_aim["title"])
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert_no_axe_violations(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
