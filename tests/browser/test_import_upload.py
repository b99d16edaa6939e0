"""The board manager imports a plan written in Word through the upload page, checking the preview first."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from mscb.demo.times import DemoCalendar, financial_year
from objectives.models import BusinessPlan
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.demo_cache import load_demo
from tests.browser.pages import signed_in
from tests.objectives.import_files import committee_plan

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Next year's plan, imported beside the demo's plan for this year (whose title it must not take).
NEXT_YEAR_STARTS_ON = financial_year(timezone.localdate())[1] + timedelta(days=1)
NEXT_PLAN = DemoCalendar(NEXT_YEAR_STARTS_ON).plan_title
# The file's progress column, a round within that year.
NEXT_ROUND = f"December {NEXT_YEAR_STARTS_ON.year}"
FILE_NAME = f"eastmere-plan-{NEXT_PLAN.replace('/', '-')}.docx"


@pytest.fixture
def manager_page(page: Page, live_server):
    load_demo()
    signed_in(page, live_server.url, "manager")
    return page


def upload(page: Page, live_server, path, title=NEXT_PLAN, screenshot=None):
    page.goto(f"{live_server.url}{reverse('objectives:import_upload')}")
    page.get_by_label("Plan file").set_input_files(path)
    page.get_by_label("New plan’s title").fill(title)
    if screenshot:
        page.screenshot(path=screenshot, full_page=True)
    page.get_by_role("button", name="Check the file").click()


def test_manager_imports_a_word_plan_through_the_upload_page(manager_page: Page, live_server, tmp_path, artifacts_dir):
    page = manager_page
    path = committee_plan(NEXT_ROUND).save(tmp_path / FILE_NAME)
    page.goto(f"{live_server.url}{reverse('objectives:import_upload')}")
    assert_no_axe_violations(page)

    upload(page, live_server, path, screenshot=artifacts_dir / "import-upload.png")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Check the import of {FILE_NAME}")
    expect(page.get_by_role("row", name="Actions 4 0")).to_be_visible()
    assert_no_axe_violations(page)
    page.screenshot(path=artifacts_dir / "import-preview.png", full_page=True)
    page.get_by_role("button", name=f"Import into Business plan {NEXT_PLAN}").click()

    expect(page.locator(".alert-success")).to_contain_text(f"Imported {FILE_NAME}")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Business plan {NEXT_PLAN}")
    expect(page.get_by_text("Extend the multi-agency audit programme")).to_be_visible()
    expect(page.get_by_text("Publish a leaflet for children")).to_be_visible()
    assert_no_axe_violations(page)
    assert BusinessPlan.objects.get(title=NEXT_PLAN).actions.count() == 4


def test_a_word_plan_with_a_bad_row_shows_the_problem_and_imports_nothing(manager_page: Page, live_server, tmp_path):
    page = manager_page
    word_plan = committee_plan(NEXT_ROUND)
    # A space: references are one word, such as 1.1.2 or 1a.
    word_plan.document.tables[0].rows[2].cells[0].text = "1.1.2 new"

    upload(page, live_server, word_plan.save(tmp_path / "plan.docx"))

    problem = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Table 1, row 3"))
    expect(problem).to_contain_text("“1.1.2 new” is not a reference.")
    expect(page.get_by_role("button", name=f"Import into Business plan {NEXT_PLAN}")).to_have_count(0)
    assert_no_axe_violations(page)
    assert not BusinessPlan.objects.filter(title=NEXT_PLAN).exists()
