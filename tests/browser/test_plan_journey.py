"""The board manager's journey: sign in, write progress for the current round, print the report."""

import shutil
import subprocess

import pytest
from playwright.sync_api import Page, expect

from objectives.models import Action
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.demo_cache import demo_plan, load_demo
from tests.browser.pages import signed_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NEW_PROGRESS = "Browser test: the audit of 40 cases found\n\n- fewer repeat referrals\n- quicker strategy meetings"


@pytest.fixture
def demo(live_server):
    load_demo()
    return demo_plan()


@pytest.fixture
def manager_page(page: Page, live_server, demo):
    signed_in(page, live_server.url, "manager")
    return page


def test_manager_writes_progress_and_finds_it_in_the_report_row(manager_page: Page, live_server, demo):
    page = manager_page
    action = Action.objects.get(plan=demo, ref="2.1.1")
    current_round = demo.rounds.order_by("-as_of").first()

    page.goto(f"{live_server.url}{action.get_absolute_url()}")
    page.get_by_role("link", name=f"progress for {current_round.label}").first.click()
    page.get_by_label("Rating").select_option("amber")
    page.get_by_label("Progress (optional)", exact=True).fill(NEW_PROGRESS)
    # Only accepted progress reaches the report; the manager's own writing is accepted as it is saved.
    page.get_by_role("button", name="Save and accept").click()
    expect(page.locator(".alert-success")).to_contain_text("accepted")

    page.goto(f"{live_server.url}/plans/{demo.pk}/rounds/{current_round.pk}/report/")
    row = page.get_by_role("row").filter(has=page.get_by_role("cell", name="2.1.1", exact=True))
    expect(row).to_contain_text("Browser test: the audit of 40 cases found")
    expect(row.locator(".report-progress .progress-text li")).to_have_text(
        ["fewer repeat referrals", "quicker strategy meetings"]
    )
    # The demo published the round before: the row says what changed since that report.
    expect(row.locator(".report-changes li")).to_contain_text(["New progress"])
    expect(row).to_contain_text("Amber")


def test_main_pages_have_no_accessibility_violations(manager_page: Page, live_server, demo):
    page = manager_page
    action = Action.objects.get(plan=demo, ref="1.1.1")
    current_round = demo.rounds.order_by("-as_of").first()
    paths = [
        "/plans/",
        demo.get_absolute_url(),
        "/actions/",
        "/actions/?rag=red",
        action.get_absolute_url(),
        f"/actions/{action.pk}/edit/",
        f"/actions/{action.pk}/progress/{current_round.pk}/",
        f"/plans/{demo.pk}/rounds/{current_round.pk}/report/",
        f"/rounds/{current_round.pk}/",
        "/my-actions/",
        "/people/",
        "/deleted/",
        "/published/",
        "/training/",
        "/training/uptake/",
        "/training/charges/",
    ]
    for path in paths:
        page.goto(f"{live_server.url}{path}")
        assert_no_axe_violations(page)


def test_login_page_has_no_accessibility_violations(page: Page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")

    assert_no_axe_violations(page)


def test_report_prints_on_a4_landscape_pages_with_a_screenshot(
    manager_page: Page, live_server, demo, artifacts_dir, settings
):
    settings.BOARD_NAME = "Eastmere Safeguarding Children Partnership"
    settings.BOARD_SHORT_NAME = "ESCP"
    page = manager_page
    current_round = demo.rounds.order_by("-as_of").first()
    page.goto(f"{live_server.url}/plans/{demo.pk}/rounds/{current_round.pk}/report/")
    page.screenshot(path=artifacts_dir / "report.png", full_page=False)

    pdf_path = artifacts_dir / "report.pdf"
    page.emulate_media(media="print")
    page.pdf(path=pdf_path, prefer_css_page_size=True)

    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is needed to read the PDF's page size")
    info = subprocess.run(["pdfinfo", pdf_path], capture_output=True, text=True, check=True).stdout
    size_line = next(line for line in info.splitlines() if line.startswith("Page size"))
    # A4 landscape: about 842 points wide and 595 high.
    width, height = (float(number) for number in size_line.split()[2:5:2])
    assert abs(width - 842) < 1
    assert abs(height - 595) < 1
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages")).split()[1])
    assert pages > 1
    text = subprocess.run(["pdftotext", "-layout", pdf_path, "-"], capture_output=True, text=True, check=True).stdout
    # Every printed page's running head is the paper's title, which names the round ("... progress report December
    # 2026" as the covering report titles it).
    printed = text.split("\f")[:pages]
    assert all(current_round.label.lower() in page_text.lower() for page_text in printed)
