"""Every page each role reaches by following links, checked at 1280 and 320 px (tests/browser/page_checks.py)."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page

from mscb.demo import people
from tests.browser.page_checks import assert_no_page_problems
from tests.browser.site_pages import pages_reachable_by

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("username", [spec["username"] for spec in people.USERS])
def test_every_page_a_role_reaches_passes_axe_and_reflows(page: Page, live_server, demo, username):
    user = get_user_model().objects.get(username=username)

    assert_no_page_problems(page, live_server, username, pages_reachable_by(user))
