"""The board manager looks into a wrong password: opens the security log from the menu and filters it."""

import pytest
from playwright.sync_api import Page, expect

from mscb.demo import people
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.demo_cache import load_demo
from tests.browser.page_checks import DESKTOP, problems_here
from tests.browser.pages import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_manager_filters_the_security_log_to_failed_sign_ins(page: Page, live_server):
    load_demo()
    sign_in(page, live_server.url, "Chair", "not-the-password")
    sign_in(page, live_server.url, "manager", people.PASSWORD)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Security log").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Security log")
    assert_no_axe_violations(page)
    page.get_by_label("What happened").select_option(label="Sign-in failed")
    page.get_by_label("From").fill("2000-01-01")
    page.get_by_role("button", name="Apply filters").click()

    expect(page.get_by_role("status")).to_have_text("1 event")
    row = page.get_by_role("row").filter(has_text="Sign-in failed")
    expect(row).to_contain_text("Chair")
    expect(row).to_contain_text("127.0.0.1")
    # axe at 1280 and 320 px, and the table scrolling in its own named region on a phone.
    assert not problems_here(page, page.url)
    page.set_viewport_size(DESKTOP)

    page.get_by_label("To").fill("1999-12-31")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_text("The “to” date must be on or after the “from” date.").first).to_be_visible()
    assert_no_axe_violations(page)
