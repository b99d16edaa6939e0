"""The long tables of My actions, a round's page and the action list become stacked rows on a phone (issue 18).

At 320 px each row is a block and each cell shows its column's heading, nothing is wider than the screen, and the
row's buttons and links are on it; Chromium still gives screen readers the table, its headings and cells. At desktop
width the tables keep their table layout and header row.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import Page

from mscb.demo import people
from objectives.models import ProgressUpdate
from objectives.selectors import rounds
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.pages import signed_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NARROW = {"width": 320, "height": 800}
DESKTOP = {"width": 1280, "height": 900}

# Each stacked table's first row: for every cell, the words of its column's heading as a sighted reader sees them
# at desktop width (without the sort arrow and words only for screen readers), the label the cell shows (its
# ::before content), and the links and buttons that fall outside the screen.
_FIRST_ROWS = """
() => [...document.querySelectorAll("table.stacked-table")].map((table) => {
    const headings = [...table.querySelectorAll(":scope > thead th")].map((th) => {
        const shown = th.cloneNode(true);
        shown.querySelectorAll(".visually-hidden, [aria-hidden=true]").forEach((hidden) => hidden.remove());
        return shown.textContent.trim();
    });
    const row = table.querySelector(":scope > tbody > tr");
    const cells = [...row.children].map((cell, index) => ({
        heading: headings[index],
        label: getComputedStyle(cell, "::before").content,
        text: cell.innerText,
    }));
    const offScreen = [...row.querySelectorAll("a, button")].filter((control) => {
        const box = control.getBoundingClientRect();
        return box.left < 0 || box.right > document.documentElement.clientWidth || box.width < 2;
    }).map((control) => control.innerText);
    return {caption: table.caption ? table.caption.innerText : "", cells, offScreen};
})
"""


def _page_width(page: Page) -> tuple[int, int]:
    return page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")


def _chromium_roles(page: Page, selector: str) -> list[str]:
    """The roles Chromium's own accessibility tree, which screen readers read, gives these elements."""
    cdp = page.context.new_cdp_session(page)
    roles = []
    for index in range(page.locator(selector).count()):
        expression = f"document.querySelectorAll({selector!r})[{index}]"
        handle = cdp.send("Runtime.evaluate", {"expression": expression})["result"]["objectId"]
        node = cdp.send("Accessibility.getPartialAXTree", {"objectId": handle, "fetchRelatives": False})["nodes"][0]
        roles.append(node["role"]["value"])
    cdp.detach()
    return roles


def assert_stacked_at_320(page: Page, url: str) -> None:
    page.set_viewport_size(NARROW)
    page.goto(url)

    scroll_width, client_width = _page_width(page)
    assert scroll_width <= client_width, f"{url} is {scroll_width}px wide in a {client_width}px screen"
    tables = page.evaluate(_FIRST_ROWS)
    assert tables, f"{url} has no stacked table"
    for table in tables:
        for cell in table["cells"]:
            if cell["heading"]:
                assert cell["heading"] in cell["label"], f"{table['caption']}: {cell} does not show its heading"
            else:  # A heading only screen readers hear (a row's button): the cell needs no label to be seen.
                assert cell["label"] == "none", cell
        assert not table["offScreen"], f"{table['caption']}: {table['offScreen']} are off the screen"
    assert page.evaluate("getComputedStyle(document.querySelector('table.stacked-table')).display") == "block"
    assert set(_chromium_roles(page, "table.stacked-table")) == {"table"}
    assert set(_chromium_roles(page, "table.stacked-table > thead th")) == {"columnheader"}
    assert set(_chromium_roles(page, "table.stacked-table > tbody > tr:first-child > td")) == {"cell"}
    assert_no_axe_violations(page)


def assert_table_layout_at_1280(page: Page, url: str) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(url)

    for table in page.locator("table.stacked-table").all():
        assert table.evaluate("element => getComputedStyle(element).display") == "table"
        header_row = table.locator(":scope > thead > tr").bounding_box()
        first_row = table.locator(":scope > tbody > tr").first.bounding_box()
        assert header_row["height"] > 10, "the header row is hidden"
        # One line of cells side by side: the first row's cells share its top.
        tops = table.locator(":scope > tbody > tr:first-child > *").evaluate_all(
            "cells => cells.map((cell) => Math.round(cell.getBoundingClientRect().top))"
        )
        assert len(set(tops)) == 1, tops
        assert abs(tops[0] - first_row["y"]) <= 1, (tops, first_row)
    assert_no_axe_violations(page)


def _round_with_updates_to_review() -> str:
    waiting = ProgressUpdate.objects.filter(state=ProgressUpdate.State.SUBMITTED, round__closed_at__isnull=True)
    return reverse("objectives:round_detail", args=[waiting.values_list("round", flat=True).first()])


@pytest.mark.parametrize("username", [people.MANAGER, "police.officer"])
def test_my_actions_rows_stack_on_a_phone(page: Page, live_server, demo, username):
    signed_in(page, live_server.url, username)
    url = live_server.url + reverse("objectives:my_actions")

    assert_stacked_at_320(page, url)
    assert_table_layout_at_1280(page, url)


def test_a_rounds_tables_stack_on_a_phone_for_the_board_manager(page: Page, live_server, demo):
    """The manager's round page has all three tables: updates to review, lead agencies (to remind), every action."""
    signed_in(page, live_server.url, people.MANAGER)
    url = live_server.url + _round_with_updates_to_review()
    page.goto(url)
    assert page.locator("table.stacked-table").count() == 3

    assert_stacked_at_320(page, url)
    assert_table_layout_at_1280(page, url)


def test_a_rounds_tables_stack_on_a_phone_for_an_agency_officer(page: Page, live_server, demo):
    signed_in(page, live_server.url, "police.officer")
    url = live_server.url + reverse("objectives:round_detail", args=[rounds.latest_open_rounds()[0].pk])

    assert_stacked_at_320(page, url)
    assert_table_layout_at_1280(page, url)


@pytest.mark.parametrize("username", [people.MANAGER, "police.officer"])
def test_the_action_list_stacks_on_a_phone_with_its_sort_links_on_screen(page: Page, live_server, demo, username):
    signed_in(page, live_server.url, username)
    url = live_server.url + reverse("objectives:action_list") + "?sort=-target_on"

    assert_stacked_at_320(page, url)
    # The headings are sort links a keyboard reaches, so they stay on the screen, big enough to see and press.
    sort_links = page.locator("table.stacked-table > thead a")
    assert sort_links.count() >= 5
    for box in (link.bounding_box() for link in sort_links.all()):
        assert box["x"] >= 0, box
        assert box["x"] + box["width"] <= NARROW["width"], box
        assert box["height"] > 10, box
    assert_table_layout_at_1280(page, url)
