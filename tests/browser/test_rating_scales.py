"""A board manager makes the council's own rating scale in the browser and finds it listed, coloured and in words."""

import re

import pytest
from playwright.sync_api import Page, expect

from core.models import RatingScale
from mscb.demo import people
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.demo_cache import load_demo
from tests.browser.pages import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def manager_page(page: Page, live_server):
    load_demo()
    sign_in(page, live_server.url, "manager", people.PASSWORD)
    return page


def fill_level(page: Page, index: int, **fields: str) -> None:
    level = page.locator("fieldset.rating-level").nth(index)
    for label, value in fields.items():
        level.get_by_label(labelled(label.capitalize())).fill(value)


def labelled(words: str) -> re.Pattern:
    """A field's label by its first words (an optional field's ends in "(optional)")."""
    return re.compile(rf"^\s*{words}")


def test_a_board_manager_creates_a_scale_with_two_levels(manager_page: Page, live_server):
    page = manager_page

    page.get_by_role("link", name="Rating scales").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rating scales")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="New rating scale").click()
    assert_no_axe_violations(page)
    page.get_by_label(labelled("Name")).fill("council-1-to-2")
    page.get_by_label(labelled("Title")).fill("Council 1 to 2")
    fill_level(page, 0, position="1", code="1", label="1 Achieved", meaning="achieved in full", colour="1D70B8")
    fill_level(page, 1, position="2", code="2", label="2 Slipped", meaning="behind its timescale", colour="#ffbf47")
    page.get_by_role("button", name="Save scale").click()

    expect(page.locator(".alert-success")).to_contain_text("Council 1 to 2 saved.")
    scale = RatingScale.objects.get(name="council-1-to-2")
    section = page.locator(f"#scale-{scale.pk}").locator("..").locator("..")
    expect(section.locator(".rag", has_text="1 Achieved")).to_be_visible()
    expect(section.locator(".rag", has_text="2 Slipped")).to_have_css("background-color", "rgb(255, 191, 71)")
    expect(section).to_contain_text("No plan uses it.")
    assert_no_axe_violations(page)
