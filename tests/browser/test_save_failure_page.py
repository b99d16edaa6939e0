"""A board manager whose upload cannot be read back from the server's disk gets the plain "could not be saved"
page with the plan title they typed, ready to copy, and the page passes axe."""

import errno

import pytest
from django.core.files.uploadedfile import TemporaryUploadedFile
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.demo_cache import load_demo
from tests.browser.pages import signed_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def failing_disk(self):
    raise OSError(errno.EIO, "Input/output error")


def test_a_disk_failure_while_uploading_shows_what_was_typed(page: Page, live_server, settings, monkeypatch, tmp_path):
    load_demo()
    signed_in(page, live_server.url, "manager")
    # The live server runs in this process: its upload goes to a temporary file whose reading back fails.
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0
    monkeypatch.setattr(TemporaryUploadedFile, "read", property(failing_disk))
    path = tmp_path / "plan.csv"
    path.write_text("ref,action\n1.1.1,Audit\n")

    page.goto(f"{live_server.url}{reverse('objectives:import_upload')}")
    page.get_by_label("Plan file").set_input_files(path)
    page.get_by_label("New plan’s title").fill("Plan kept through a failure")
    page.get_by_role("button", name="Check the file").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your changes could not be saved")
    expect(page.get_by_label("New title")).to_have_value("Plan kept through a failure")
    expect(page.get_by_label("New title")).not_to_be_editable()
    assert_no_axe_violations(page)
