"""A committee paper's PDF made in the background, in the browser: the "being prepared" page, and a failed PDF's
page with the other formats and Try again."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.demo_cache import demo_plan, load_demo
from tests.browser.pages import signed_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def report_page(page: Page, live_server):
    load_demo()
    signed_in(page, live_server.url, "manager")
    current_round = demo_plan().rounds.order_by("-as_of").first()
    page.goto(f"{live_server.url}{current_round.get_absolute_url()}")
    return page


def test_a_pdf_not_made_yet_says_it_is_being_prepared(report_page: Page, queue_only):
    page = report_page

    page.get_by_role("link", name="Download PDF").click()

    expect(page.get_by_role("heading", name="Your PDF is being prepared")).to_be_visible()
    expect(page.get_by_role("link", name="Check again")).to_be_visible()
    assert_no_axe_violations(page)


def test_a_failed_pdf_offers_word_and_try_again(report_page: Page, broken_pdf_engine, monkeypatch):
    page = report_page

    page.get_by_role("link", name="Download PDF").click()

    expect(page.get_by_role("heading", name="Your PDF could not be made")).to_be_visible()
    expect(page.get_by_role("link", name="Word file version")).to_be_visible()
    assert_no_axe_violations(page)

    monkeypatch.undo()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Try again").click()
    assert Path(download_info.value.path()).read_bytes().startswith(b"%PDF-")
