"""Importing a Word plan through the pages: upload, preview, confirm; the layout follows the plan's shape."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pytest_django.asserts import assertContains, assertNotContains

from core.models import StagedUpload
from objectives.models import BusinessPlan, PlanShape
from tests.factories import BusinessPlanFactory
from tests.import_pages import confirm
from tests.objectives.import_files import committee_plan
from tests.objectives.test_import_upload import UPLOAD_URL, confirm_url, upload
from tests.objectives.word_plans import priorities_plan

pytestmark = pytest.mark.django_db


def test_a_word_plan_imports_through_the_pages(manager_client):
    # Progress within the new plan's year: a round must fall within its plan.
    file = SimpleUploadedFile("plan.docx", committee_plan("December 2026").bytes())

    upload(manager_client, file)
    plan_import = StagedUpload.objects.get()
    preview = manager_client.get(confirm_url(plan_import))
    confirm(manager_client, confirm_url(plan_import))

    assertContains(preview, '<tr><th scope="row">Actions</th><td>4</td><td>0</td></tr>', html=True)
    plan = BusinessPlan.objects.get(title="2026/27")
    assert list(plan.actions.in_ref_order().values_list("ref", flat=True)) == ["1.1.1", "1.1.2", "1.2.1", "2.1.1"]


def test_a_word_plans_bad_row_is_shown_with_its_table_and_row(manager_client):
    word_plan = committee_plan()
    word_plan.document.tables[0].rows[2].cells[0].text = "1.1.1 new"
    upload(manager_client, SimpleUploadedFile("plan.docx", word_plan.bytes()))

    response = manager_client.get(confirm_url(StagedUpload.objects.get()))

    assertContains(response, "<th scope='row'>Table 1, row 3</th><td>action</td>", html=True)


def test_a_word_plan_is_read_in_the_layout_of_the_plans_shape(manager_client):
    BusinessPlanFactory(title="2025/26", shape=PlanShape.LIST)
    upload(manager_client, SimpleUploadedFile("plan.docx", priorities_plan().bytes()), new_title="2025/26")

    response = manager_client.get(confirm_url(StagedUpload.objects.get()))

    assertContains(response, "plan.docx has headings such as “Priority 1a Early Help and Prevention”, but this plan")
    assertNotContains(response, "Import into")


def test_the_upload_page_describes_every_word_layout(manager_client):
    response = manager_client.get(UPLOAD_URL)

    assertContains(response, "headings such as “Priority 1a: Early help” or “Theme 2 – Neglect”")
    assertContains(response, "<em>No | Recommendation | Responsibility | Timescale | Progress | Assessment</em>")
