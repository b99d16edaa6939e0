"""The admin pages the board manager reaches, checked at 1280 and 320 px like every other page.

The crawl finds about 105 pages; the browser visits 50 of them, to keep this test near a minute and a half.
Pages that share one template and show no widget a change page does not already show are visited once each:
every model's history list, its versions (the change form again, from simple_history), its delete
confirmation and its empty add form. The user's add form and history list (Django's, not simple_history's)
have templates of their own and stay. Every change list and change page stays, since each has its own
filters, widgets and inlines.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page

from mscb.demo import people
from tests.browser.page_checks import assert_no_page_problems
from tests.browser.site_pages import pages_reachable_by

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

_ONE_OF_EACH = {
    "history list": re.compile(r"^/admin/(?!auth/).+/history/$"),
    "history version": re.compile(r"^/admin/.+/history/\d+/$"),
    "delete confirmation": re.compile(r"^/admin/.+/delete/$"),
    "add form": re.compile(r"^/admin/(?!auth/user/)[^/]+/[^/]+/add/$"),
}


def one_page_per_template(urls: list[str]) -> list[str]:
    """The admin's pages (not the site's, which "View on site" leads to), with one of each shared template."""
    kept, kinds_seen = [], set()
    for url in urls:
        if not url.startswith("/admin/"):
            continue
        kind = next((name for name, pattern in _ONE_OF_EACH.items() if pattern.match(url)), None)
        if kind is not None and kind in kinds_seen:
            continue
        kinds_seen.add(kind)
        kept.append(url)
    return kept


def test_every_admin_page_the_board_manager_reaches_passes_axe_and_reflows(page: Page, live_server, demo):
    manager = get_user_model().objects.get(username=people.MANAGER)
    urls = one_page_per_template(pages_reachable_by(manager, start="/admin/", within="/admin/"))

    assert_no_page_problems(page, live_server, people.MANAGER, urls)
