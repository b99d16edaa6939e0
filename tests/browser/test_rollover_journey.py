"""A board manager starts next year's plan from the demo plan, leaving one open action behind."""

import pytest
from playwright.sync_api import expect

from objectives.models import BusinessPlan
from objectives.rollover_forms import next_year_title
from objectives.services.rollover import open_actions
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.demo_cache import demo_plan, load_demo
from tests.browser.pages import signed_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def demo(live_server):
    load_demo()
    return demo_plan()


def test_a_manager_rolls_the_plan_over(page, live_server, demo):
    carried = list(open_actions(demo))
    left_behind, kept = carried[0], carried[-1]
    signed_in(page, live_server.url, "manager")

    # From the plan's page to the form: next year's title, every open action ticked.
    page.goto(f"{live_server.url}{demo.get_absolute_url()}")
    page.get_by_role("link", name="Start next year's plan from this one").click()
    expect(page.get_by_label("Title of the new plan")).to_have_value(next_year_title(demo.title))
    expect(page.locator('input[name="actions"]:checked')).to_have_count(len(carried))
    assert_no_axe_violations(page)

    # The manager leaves one action behind and starts the plan.
    page.get_by_role("checkbox", name=f"{left_behind.ref} ").first.uncheck()
    expect(page.locator(f"#carry-{left_behind.pk}")).not_to_be_checked()
    page.get_by_role("button", name="Start the new plan").click()
    expect(page.locator(".alert-success")).to_contain_text(f"{len(carried) - 1} actions carried over")
    expect(page.get_by_text("No progress rounds yet.")).to_be_visible()

    new_plan = BusinessPlan.objects.get(title=next_year_title(demo.title))
    assert new_plan.actions.count() == len(carried) - 1
    assert not new_plan.actions.filter(carried_from=left_behind).exists()
    assert not new_plan.rounds.exists()

    # The carried action's page links back to the one it continues, with its earlier progress.
    new_action = new_plan.actions.get(carried_from=kept)
    page.goto(f"{live_server.url}{new_action.get_absolute_url()}")
    origin = page.get_by_role("link", name=f"{demo.title}, {kept.ref}")
    expect(origin).to_have_attribute("href", kept.get_absolute_url())
    expect(page.get_by_role("heading", name="Progress in earlier plans")).to_be_visible()
    assert_no_axe_violations(page)
