"""The board manager uploads a plan while the task queue waits for its worker: the page says the file is waiting,
offers a Refresh link (and refreshing by itself, if asked), and once the worker has checked the file shows the
preview to confirm."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from core.models import StagedUpload
from core.upload_checks import check_staged_upload
from objectives.models import BusinessPlan
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.demo_cache import load_demo
from tests.browser.pages import signed_in
from tests.objectives.import_files import plan_row, write_csv

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# A title no demo plan has, far from this year's.
TITLE = "2040/41"


def test_the_manager_waits_for_the_check_then_confirms(page: Page, live_server, settings, tmp_path):
    # Tasks are kept, not run, as the database backend keeps them until `db_worker` picks them up.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    load_demo()
    signed_in(page, live_server.url, "manager")
    path = write_csv(tmp_path / "plan.csv", [plan_row(action="1.1.1"), plan_row(action="1.1.2")])

    page.goto(f"{live_server.url}{reverse('objectives:import_upload')}")
    page.get_by_label("Plan file").set_input_files(path)
    page.get_by_label("New plan’s title").fill(TITLE)
    page.get_by_role("button", name="Check the file").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Checking plan.csv")
    expect(page.get_by_role("status")).to_contain_text("Your file is waiting to be checked.")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Refresh every 2 seconds until the check is done").click()
    expect(page.get_by_role("link", name="Stop refreshing every 2 seconds")).to_be_visible()
    upload = StagedUpload.objects.get(file_name="plan.csv", applied_at__isnull=True)
    check_staged_upload.call(upload.pk, "objectives.views.imports.preview_import")
    page.get_by_role("link", name="Refresh", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check the import of plan.csv")
    assert_no_axe_violations(page)
    page.get_by_role("button", name=f"Import into Business plan {TITLE}").click()

    expect(page.locator(".alert-success")).to_contain_text("Imported plan.csv")
    assert BusinessPlan.objects.get(title=TITLE).actions.count() == 2
