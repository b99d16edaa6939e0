"""Every page each role reaches by following links, checked at 1280 and 320 px (tests/browser/page_checks.py).

One test loads the demo once and checks every role in turn, sparing a page another role has seen in the same
shape (page_checks.problems_on): CI runs the browser tests on two databases within its 30 minutes. The report
names each page's problems under its role.
"""

import pytest
from playwright.sync_api import Page

from mscb.demo import people
from tests.browser.page_checks import problems_on, reachable_page_problems

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Besides the pages each role reaches: what the chair, who may read everything but add nothing, meets on
# asking to add a review (403) and on a mistyped address (404).
ERROR_PAGES = {"chair": ["/reviews/new/", "/no-such-page/"]}


def test_every_page_of_every_role_passes_axe_and_reflows(page: Page, live_server, demo):
    reports, shapes_seen = [], set()
    for spec in people.USERS:
        username = spec["username"]
        page.context.clear_cookies()
        reports += reachable_page_problems(page, live_server, username, shapes_seen, ERROR_PAGES.get(username, []))

    assert not reports, "\n".join(reports)


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
