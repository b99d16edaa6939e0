"""Contrast axe cannot see, measured from the CSS Chromium computes: striped rows, field edges and focus rings."""

import re

import pytest
from playwright.sync_api import Page

from objectives import roles
from tests.browser.colours import (
    NON_TEXT_MINIMUM,
    TEXT_MINIMUM,
    WHITE,
    background_behind,
    best_focus_contrast,
    over,
    ratio,
    tab_to,
)
from tests.browser.pages import signed_in
from tests.factories import ActionFactory, BusinessPlanFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

INSET_SHADOW = re.compile(r"(rgba?\([^)]*\))[^,]*inset")


@pytest.fixture
def plan(live_server):
    UserFactory(username="manager", roles=[roles.BOARD_MANAGERS])
    # Titled by the factory's sequence: a title of our own could meet one the sequence makes in another test.
    plan = BusinessPlanFactory()
    ActionFactory.create_batch(4, objective__aim__plan=plan)
    return plan


def _nav_link(page: Page, name: str):
    return page.get_by_role("navigation", name="Main").get_by_role("link", name=name, exact=True)


def test_links_on_the_action_lists_striped_rows_have_4_5_to_1(page: Page, live_server, plan):
    signed_in(page, live_server.url, "manager")
    page.goto(f"{live_server.url}/actions/")

    link = page.locator("table.table-striped > tbody > tr:nth-of-type(odd) a").first
    colours = link.evaluate(
        "link => { const cell = getComputedStyle(link.closest('td, th'));"
        " return [getComputedStyle(link).color, cell.backgroundColor, cell.boxShadow]; }"
    )
    text, cell, shadow = colours
    # Bootstrap draws the stripe as an inset shadow over the cell's own background.
    stripe = INSET_SHADOW.search(shadow)[1]
    striped = over(stripe, over(cell, WHITE))

    assert striped != WHITE, "the row is not striped: the check would prove nothing"
    assert ratio(text, striped) >= TEXT_MINIMUM, f"{text} on {striped}"


def test_a_text_fields_edge_has_3_to_1_against_the_page(page: Page, live_server, plan):
    signed_in(page, live_server.url, "manager")
    page.goto(f"{live_server.url}/actions/")

    field = page.get_by_label("Search")
    border = field.evaluate("field => getComputedStyle(field).borderTopColor")

    assert ratio(border, background_behind(field)) >= NON_TEXT_MINIMUM


def test_a_checkboxs_edge_has_3_to_1_against_the_page(page: Page, live_server, plan):
    signed_in(page, live_server.url, "manager")
    page.goto(f"{live_server.url}/plans/{plan.pk}/edit/")

    checkbox = page.get_by_label("Success measure")
    assert not checkbox.is_checked()
    border = checkbox.evaluate("box => getComputedStyle(box).borderTopColor")

    assert ratio(border, background_behind(checkbox)) >= NON_TEXT_MINIMUM


@pytest.mark.parametrize("name", ["Business plans", "Actions"])
def test_a_nav_link_focused_by_keyboard_shows_a_ring_of_3_to_1_on_the_navy_bar(page: Page, live_server, plan, name):
    signed_in(page, live_server.url, "manager")
    page.goto(f"{live_server.url}/actions/")
    link = _nav_link(page, name)

    tab_to(page, link)

    assert best_focus_contrast(link) >= NON_TEXT_MINIMUM


def test_a_text_field_focused_by_keyboard_shows_a_ring_of_3_to_1_and_a_dark_edge(page: Page, live_server, plan):
    signed_in(page, live_server.url, "manager")
    page.goto(f"{live_server.url}/actions/")
    field = page.get_by_label("Search")

    tab_to(page, field)

    assert best_focus_contrast(field) >= NON_TEXT_MINIMUM
    border = field.evaluate("field => getComputedStyle(field).borderTopColor")
    assert ratio(border, background_behind(field)) >= NON_TEXT_MINIMUM


def test_the_current_pages_nav_link_is_underlined_not_only_brighter(page: Page, live_server, plan):
    signed_in(page, live_server.url, "manager")
    page.goto(f"{live_server.url}/actions/")
    underline = "link => getComputedStyle(link).textDecorationLine"

    current, other = _nav_link(page, "Actions"), _nav_link(page, "Business plans")

    assert current.get_attribute("aria-current") == "page"
    assert "underline" in current.evaluate(underline)
    assert other.get_attribute("aria-current") is None
    assert "underline" not in other.evaluate(underline)
