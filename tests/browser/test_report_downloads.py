"""The committee papers in the browser: download the PDF and Word files, publish, find the record."""

from io import BytesIO
from pathlib import Path

import pytest
from docx import Document
from playwright.sync_api import Page, expect

from objectives.models import BusinessPlan, PublishedReport
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.demo_cache import demo_plan, load_demo
from tests.browser.pages import signed_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def demo(live_server):
    load_demo()
    return demo_plan()


@pytest.fixture
def report_page(page: Page, live_server, demo):
    signed_in(page, live_server.url, "manager")
    current_round = demo.rounds.order_by("-as_of").first()
    page.goto(f"{live_server.url}{current_round.get_absolute_url()}")
    return page


def test_report_page_downloads_the_pdf(report_page: Page, demo):
    page = report_page
    assert_no_axe_violations(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF").click()

    download = download_info.value
    assert download.suggested_filename == f"{demo.title.replace('/', '-')} progress report {_month(demo)}.pdf"
    assert Path(download.path()).read_bytes().startswith(b"%PDF-")


def test_report_page_downloads_the_word_file(report_page: Page, demo):
    page = report_page

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download Word").click()

    download = download_info.value
    assert download.suggested_filename == f"{demo.title.replace('/', '-')} progress report {_month(demo)}.docx"
    document = Document(BytesIO(Path(download.path()).read_bytes()))
    refs = [table.rows[2].cells[0].text for table in document.tables if len(table.rows) > 2]
    assert "1.1.1" in refs


def test_manager_publishes_the_report_and_finds_it_in_the_record(report_page: Page, live_server, demo):
    page = report_page

    page.get_by_role("link", name="Publish this report").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Publish Business plan {demo.title}")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Publish report").click()

    expect(page.locator(".alert-success")).to_contain_text("It will not change when the plan does")
    # The latest: the demo has published (and made public) its last reported round already.
    published = PublishedReport.objects.latest("pk")
    expect(page).to_have_url(f"{live_server.url}{published.get_absolute_url()}")
    assert_no_axe_violations(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF").click()
    assert Path(download_info.value.path()).read_bytes() == bytes(published.pdf)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Published reports").click()
    expect(page.get_by_role("row").filter(has_text=published.title)).to_contain_text("Alex Marlowe")
    assert_no_axe_violations(page)


def _month(plan: BusinessPlan) -> str:
    return f"{plan.rounds.order_by('-as_of').first().as_of:%B %Y}"
