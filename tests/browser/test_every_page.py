"""Every page each role reaches by following links, checked at 1280 and 320 px (tests/browser/page_checks.py)."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page

from mscb.demo import people
from tests.browser.page_checks import assert_no_page_problems, problems_on
from tests.browser.site_pages import pages_reachable_by

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("username", [spec["username"] for spec in people.USERS])
def test_every_page_a_role_reaches_passes_axe_and_reflows(page: Page, live_server, demo, username):
    user = get_user_model().objects.get(username=username)

    assert_no_page_problems(page, live_server, username, pages_reachable_by(user))


# The pages anyone may open without signing in, and what a lost visitor meets.
SIGNED_OUT_PAGES = [
    "/accounts/login/",
    "/accounts/password_reset/",
    "/accounts/password_reset/done/",
    "/accounts/reset/MQ/not-a-valid-token/",
    "/accounts/reset/done/",
    "/no-such-page/",
]


def test_every_page_open_without_signing_in_passes_axe_and_reflows(page: Page, live_server, db):
    problems = {url: problems_on(page, live_server.url + url) for url in SIGNED_OUT_PAGES}

    report = "\n".join(f"{url}\n  " + "\n  ".join(found) for url, found in problems.items() if found)
    assert not report, f"Problems on the pages open without signing in:\n{report}"


def test_the_error_pages_a_signed_in_person_meets_pass_axe_and_reflow(page: Page, live_server, demo):
    # The chair may read everything but add nothing: adding a review is refused (403); the other page is missing.
    assert_no_page_problems(page, live_server, "chair", ["/reviews/new/", "/no-such-page/"])
