"""A form sent with nothing filled in opens on its error summary, in focus, whose links lead to each field."""

import re

import pytest
from playwright.sync_api import Page, expect

from objectives import roles
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.pages import sign_in, signed_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_an_empty_required_form_is_sent_and_the_focused_summary_leads_to_each_field(page: Page, live_server):
    UserFactory(username="morgan", roles=[roles.BOARD_MANAGERS])
    signed_in(page, live_server.url, "morgan")
    page.goto(f"{live_server.url}/reviews/new/")

    page.get_by_role("button", name="Add review").click()

    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.locator("[data-error-summary]")
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    # The script that moves the focus runs once the page has loaded; wait for it rather than race it.
    expect(page.locator("[data-error-summary]")).to_be_focused()
    assert_no_axe_violations(page)
    first = summary.get_by_role("link").first
    target = first.get_attribute("href")
    first.click()
    expect(page.locator(target)).to_be_focused()


def test_a_wrong_password_is_summarised_in_focus(page: Page, live_server):
    UserFactory(username="morgan")

    sign_in(page, live_server.url, "morgan", "not-the-password")

    expect(page.get_by_role("alert")).to_contain_text("Please enter a correct username and password")
    expect(page.locator("[data-error-summary]")).to_be_focused()
    assert_no_axe_violations(page)
