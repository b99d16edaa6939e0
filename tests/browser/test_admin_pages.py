"""The admin pages the board manager reaches, checked at 1280 and 320 px like every other page."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page

from mscb.demo import people
from tests.browser.page_checks import assert_no_page_problems
from tests.browser.site_pages import pages_reachable_by

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_every_admin_page_the_board_manager_reaches_passes_axe_and_reflows(page: Page, live_server, demo):
    manager = get_user_model().objects.get(username=people.MANAGER)

    assert_no_page_problems(
        page, live_server, people.MANAGER, pages_reachable_by(manager, start="/admin/", within="/admin/")
    )
