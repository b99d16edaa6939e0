"""WCAG 2.2 1.4.10 (reflow) on a 320 px screen: pages never scroll sideways; a wide table scrolls in its own region,
which a keyboard reaches and a screen reader names; the committee report's rows stack rather than overprint."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from mscb.demo import people
from objectives.models import ProgressRound
from tests.browser.page_checks import NARROW
from tests.browser.pages import signed_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGE_WIDTH = "() => document.documentElement.scrollWidth"

# Each action row's reference and rating, measured by their words (a Range), not their cells: a word that cannot
# wrap spills out of a narrow cell over its neighbour, while the cells' own boxes still sit side by side.
_OVERPRINTS = """
() => {
    const problems = [];
    const overlap = (a, b) =>
        a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    for (const row of document.querySelectorAll(".report-table tbody tr")) {
        const cells = [...row.children];
        for (const cell of row.querySelectorAll("td.report-ref, td.report-rating")) {
            const words = document.createRange();
            words.selectNodeContents(cell);
            const box = words.getBoundingClientRect();
            if (box.width === 0) continue;
            for (const other of cells) {
                if (other !== cell && overlap(box, other.getBoundingClientRect())) {
                    problems.push(`${cell.className} "${cell.textContent.trim()}" prints over ${other.className}`);
                }
            }
        }
    }
    for (const cell of document.querySelectorAll(".report-table td, .report-table th")) {
        if (cell.scrollWidth > cell.clientWidth + 1 && cell.clientWidth > 1) {
            const words = cell.textContent.trim().slice(0, 30);
            problems.push(`the words of ${cell.className || cell.tagName} "${words}" spill`);
        }
    }
    return problems;
}
"""


@pytest.fixture
def narrow_manager(page: Page, live_server, demo) -> Page:
    signed_in(page, live_server.url, people.MANAGER)
    page.set_viewport_size(NARROW)
    return page


@pytest.mark.parametrize(
    ("path", "table"),
    [
        ("/people/", "People matching the filters"),
        ("/plans/", "Business plans"),
        # Its rows' buttons carry visually hidden words, positioned: the region must hold them too.
        ("/agencies/", "Agencies, by name"),
    ],
)
def test_a_list_fits_the_screen_and_its_table_scrolls_in_a_named_region_the_keyboard_scrolls(
    narrow_manager, live_server, path, table
):
    page = narrow_manager
    page.goto(live_server.url + path)

    assert page.evaluate(PAGE_WIDTH) <= NARROW["width"]
    region = page.get_by_role("region", name=table, exact=True)
    assert region.get_attribute("tabindex") == "0"
    assert region.evaluate("region => region.scrollWidth > region.clientWidth"), "the table should need scrolling"
    region.focus()
    page.keyboard.press("ArrowRight")
    expect(region).not_to_have_js_property("scrollLeft", 0)


def test_the_plans_page_fits_the_screen_with_its_rounds_and_actions_in_named_regions(narrow_manager, live_server):
    page = narrow_manager
    plan = ProgressRound.objects.order_by("pk").first().plan
    page.goto(live_server.url + plan.get_absolute_url())

    assert page.evaluate(PAGE_WIDTH) <= NARROW["width"]
    expect(page.get_by_role("region", name=f"Progress rounds of {plan}", exact=True)).to_have_attribute("tabindex", "0")


def test_a_long_rating_level_wraps_inside_the_screen(narrow_manager, live_server):
    page = narrow_manager
    page.goto(live_server.url + reverse("objectives:scale_list"))

    badge = page.locator(".rag", has_text="On track but not yet due for completion").first
    assert badge.bounding_box()["x"] + badge.bounding_box()["width"] <= NARROW["width"]
    assert page.evaluate(PAGE_WIDTH) <= NARROW["width"]


def test_the_uptake_tables_are_reached_with_the_tab_key_and_named_by_their_captions(narrow_manager, live_server):
    page = narrow_manager
    page.goto(live_server.url + reverse("training:uptake"))
    page.get_by_role("button", name="Show uptake").focus()

    regions_tabbed_to = []
    for _ in range(200):
        page.keyboard.press("Tab")
        focused = page.evaluate("() => [document.activeElement.getAttribute('role'), document.activeElement.ariaLabel]")
        if focused[0] == "region":
            regions_tabbed_to.append(focused[1])
        if len(regions_tabbed_to) == 3:
            break

    assert regions_tabbed_to == [
        "Uptake by course",
        "Uptake by agency, against the staff each agency says should train where it records the figure",
        "Uptake by session",
    ]
    assert page.evaluate(PAGE_WIDTH) <= NARROW["width"]


def _report_urls() -> list[str]:
    return [reverse("objectives:report", args=[r.plan_id, r.pk]) for r in ProgressRound.objects.order_by("pk")]


def test_on_a_phone_no_reference_or_rating_in_the_committee_report_prints_over_its_neighbour(
    narrow_manager, live_server
):
    page = narrow_manager
    problems = {}
    for url in _report_urls():
        page.goto(live_server.url + url)
        too_wide = page.evaluate(PAGE_WIDTH) > NARROW["width"]
        problems[url] = page.evaluate(_OVERPRINTS) + (["the page is wider than the screen"] if too_wide else [])

    assert not {url: found for url, found in problems.items() if found}


def test_on_a_phone_the_reports_cells_stack_each_named_by_its_column(narrow_manager, live_server):
    page = narrow_manager
    chosen_columns = ProgressRound.objects.get(plan__title__startswith="Learning and Development")
    page.goto(live_server.url + reverse("objectives:report", args=[chosen_columns.plan_id, chosen_columns.pk]))

    row = page.locator(".report-table tbody tr").filter(has=page.locator("td.report-ref")).first
    ref, action = row.locator("td.report-ref"), row.locator("td.report-action")
    assert ref.bounding_box()["y"] + ref.bounding_box()["height"] <= action.bounding_box()["y"] + 1
    target = row.locator("td.report-target")
    assert "Target" in target.evaluate("cell => getComputedStyle(cell, '::before').content")


def test_on_paper_the_report_keeps_its_columns_at_any_window_width(narrow_manager, live_server):
    page = narrow_manager
    page.emulate_media(media="print")
    page.goto(live_server.url + _report_urls()[0])

    table = page.locator(".report-table").first
    assert table.evaluate("table => getComputedStyle(table).display") == "table"
    assert table.evaluate("table => getComputedStyle(table).tableLayout") == "fixed"
    assert page.locator(".report-table td.report-ref").first.evaluate("cell => getComputedStyle(cell).display") == (
        "table-cell"
    )
