"""The board manager tidies the agencies: adds one, then merges a duplicate into the real one (preview, confirm)."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from objectives.models import Action, Agency
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.demo_cache import load_demo
from tests.browser.pages import signed_in
from tests.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def manager_page(page: Page, live_server):
    load_demo()
    signed_in(page, live_server.url, "manager")
    return page


@pytest.fixture
def duplicate_police(manager_page):
    """ "Police", as an import made it: leading two of the plan's actions, with one contributor."""
    police = AgencyFactory(name="Police", short_name="")
    for action in Action.objects.order_by("pk")[:2]:
        action.lead_agencies.add(police)
    UserFactory(username="duplicate.officer", agencies=[police])
    return police


def test_manager_adds_an_agency(manager_page: Page, live_server):
    page = manager_page
    page.goto(f"{live_server.url}{reverse('objectives:agency_list')}")
    page.get_by_role("link", name="Add an agency").click()
    assert_no_axe_violations(page)

    page.get_by_role("textbox", name="Name", exact=True).fill("Eastmere Fire and Rescue")
    page.get_by_label("Short name").fill("Fire")
    page.get_by_role("button", name="Add agency").click()

    expect(page.locator(".alert-success")).to_have_text("Eastmere Fire and Rescue added.")
    expect(page.get_by_role("rowheader", name="Eastmere Fire and Rescue")).to_be_visible()
    assert Agency.objects.filter(name="Eastmere Fire and Rescue", short_name="Fire").exists()


def test_manager_merges_a_duplicate_agency_after_the_preview(
    manager_page: Page, live_server, duplicate_police, artifacts_dir
):
    page = manager_page
    kept = Agency.objects.get(name="Eastmere Constabulary")
    moving = set(duplicate_police.led_actions.all())
    page.goto(f"{live_server.url}{reverse('objectives:agency_list')}")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Agencies").wait_for()
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Merge Police into another agency").click()
    page.get_by_label("Agency to keep").select_option(label="Eastmere Constabulary")
    page.get_by_role("button", name="Preview the merge").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Merge Police into Eastmere Constabulary")
    expect(page.get_by_role("row", name="Actions Lead agencies")).to_contain_text("2")
    expect(page.get_by_text("1 contributor and 2 actions will move to Eastmere Constabulary")).to_be_visible()
    assert_no_axe_violations(page)
    page.screenshot(path=artifacts_dir / "agency-merge-preview.png", full_page=True)
    page.get_by_role("button", name="Merge Police into Eastmere Constabulary").click()

    expect(page.locator(".alert-success")).to_have_text(
        "Police merged into Eastmere Constabulary: 2 actions and 1 person moved."
    )
    expect(page.get_by_role("rowheader", name="Police", exact=True)).to_have_count(0)
    assert_no_axe_violations(page)
    assert not Agency.objects.filter(pk=duplicate_police.pk).exists()
    assert moving <= set(kept.led_actions.all())
