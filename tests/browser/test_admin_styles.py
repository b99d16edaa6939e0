"""static/css/admin.css: the admin's breadcrumb links are underlined, its filter choices are big enough to tap, and
a wide change list scrolls in our named region rather than in Django's unnamed box inside it."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page

from tests.browser.pages import signed_in
from tests.factories import ProgressUpdateFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def filtered_change_list(page: Page, live_server, admin_user):
    ProgressUpdateFactory()
    # The plan's admin pages are the site admin's (mscb.admin.STAFF_ADMIN_MODELS); pytest-django's admin_user.
    signed_in(page, live_server.url, admin_user.username)
    page.goto(live_server.url + reverse("admin:objectives_progressupdate_changelist"))
    return page


def test_breadcrumb_links_are_underlined_not_only_coloured(filtered_change_list: Page):
    links = filtered_change_list.locator("div.breadcrumbs a")

    decorations = links.evaluate_all("links => links.map(link => getComputedStyle(link).textDecorationLine)")

    assert decorations
    assert set(decorations) == {"underline"}


def test_every_filter_choice_is_at_least_24_px_tall(filtered_change_list: Page):
    links = filtered_change_list.locator("#changelist-filter li a")

    heights = links.evaluate_all("links => links.map(link => link.getBoundingClientRect().height)")

    assert heights
    assert min(heights) >= 24


def test_at_320_px_a_change_list_scrolls_in_the_named_region_not_djangos_box_inside_it(filtered_change_list: Page):
    filtered_change_list.set_viewport_size({"width": 320, "height": 800})
    region = filtered_change_list.get_by_role("region", name="Progress updates")

    scrolls = region.evaluate("el => [el.scrollWidth > el.clientWidth, getComputedStyle(el).overflowX]")
    inner = region.locator("div.results").evaluate("el => getComputedStyle(el).overflowX")

    assert scrolls == [True, "auto"]
    assert inner == "visible"
