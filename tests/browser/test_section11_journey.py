"""An agency fills in and submits its Section 11 return; the board manager moderates it, publishes the grid and
agrees an improvement action, which the agency then finds in My actions."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from mscb.demo import people
from objectives.models import Agency
from tests.assurance.section11_world import default_standards, open_test_cycle
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.demo_cache import demo_plan, load_demo
from tests.browser.pages import signed_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def demo(live_server):
    load_demo()
    # A cycle of its own beside the demo's, asking only the police about three of the default standards, so the
    # journey is short and publishing needs no other agency's return.
    police = Agency.objects.get(short_name="Police")
    cycle = open_test_cycle(
        agencies=[police], standards=default_standards()[:3], plan=demo_plan(), title="Section 11 spot check", code="SC"
    )
    return cycle


def standard_block(page, standard):
    return page.get_by_role("group", name=f"Standard {standard.number}: {standard.title}")


def test_a_return_goes_from_the_agency_to_the_published_grid_and_an_agreed_action(page, live_server, demo):
    cycle, standards = demo, list(demo.standards.order_by("number"))
    signed_in(page, live_server.url, "police.officer")

    # The officer finds their return on the cycle's page and fills in every standard.
    page.goto(f"{live_server.url}{cycle.get_absolute_url()}")
    page.get_by_role("link", name="Eastmere Constabulary").click()
    page.get_by_role("link", name="Fill in the return").click()
    for standard in standards:
        block = standard_block(page, standard)
        block.get_by_label("Self-assessed rating").select_option(label="Partially met")
        block.get_by_label("Evidence").fill(f"Audit of standard {standard.number}")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".alert-success")).to_contain_text("Return saved")
    page.get_by_role("button", name="Submit to the board").click()
    expect(page.locator(".alert-success")).to_contain_text("is submitted to the board")

    # The board manager challenges, agrees ratings and publishes the grid.
    page.context.clear_cookies()
    signed_in(page, live_server.url, people.MANAGER)
    page.goto(f"{live_server.url}{cycle.returns.get().get_absolute_url()}")
    page.get_by_role("link", name="Moderate").click()
    for standard in standards:
        block = standard_block(page, standard)
        block.get_by_label("Board's challenge").fill("How do you know staff follow it?")
        block.get_by_label("Agreed rating").select_option(label="Not met" if standard == standards[0] else "Fully met")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".alert-success")).to_contain_text("Moderation saved")
    page.goto(f"{live_server.url}{cycle.get_absolute_url()}")
    page.get_by_role("link", name="Publish the grid").click()
    page.get_by_role("button", name="Publish the grid").click()
    expect(page.locator(".alert-success")).to_contain_text("is published")
    expect(page.locator(".section11-grid")).to_contain_text("Not met")
    assert_no_axe_violations(page)

    # An improvement action for the standard not met, led by the police.
    page.get_by_role("link", name="Eastmere Constabulary").click()
    page.get_by_role("link", name=f"Agree an improvement action for standard {standards[0].number}").click()
    page.get_by_label("Action").fill("Name a senior lead for safeguarding")
    page.get_by_label("Target date").fill("March 2027")
    page.get_by_role("button", name="Agree the action").click()
    expect(page.locator(".alert-success")).to_contain_text(f"Action SC-{standards[0].number}.1 agreed")

    # The officer finds it among their actions.
    page.context.clear_cookies()
    signed_in(page, live_server.url, "police.officer")
    page.goto(f"{live_server.url}{reverse('objectives:my_actions')}")
    expect(page.get_by_text("Name a senior lead for safeguarding")).to_be_visible()
    assert_no_axe_violations(page)
