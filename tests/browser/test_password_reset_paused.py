"""Too many password reset requests from one connection: the page saying to wait."""

import pytest
from playwright.sync_api import Page, expect

from mscb.models import PasswordResetRequest
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.page_checks import DESKTOP, NARROW

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_paused_reset_page_says_to_wait_and_passes_axe(page: Page, live_server):
    for number in range(5):
        PasswordResetRequest.objects.create(ip_address="127.0.0.1", email=f"someone-{number}@example.org")
    page.goto(f"{live_server.url}/accounts/password_reset/")

    page.get_by_label("Email").fill("sam.taylor@council.example")
    page.get_by_role("button", name="Send the link").click()

    expect(page.get_by_role("heading", name="Password reset is paused")).to_be_visible()
    assert_no_axe_violations(page)
    page.set_viewport_size(NARROW)
    assert_no_axe_violations(page)
    page.set_viewport_size(DESKTOP)
