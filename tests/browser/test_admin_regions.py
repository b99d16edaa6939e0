"""static/js/admin.js: a tabular inline, which Django's template gives no block to change, becomes a named region a
keyboard reaches, and its empty column headings get words for a screen reader, rows added later included.

The change list's and the history list's regions come from templates: tests/mscb/test_admin_controls.py.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.pages import signed_in
from tests.factories import AimFactory, ProgressRoundFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HEADINGS_WORDS = "els => els.map(el => el.textContent.trim())"


@pytest.fixture
def plan_page(page: Page, live_server, admin_user):
    """A business plan's change page: its aims can't be deleted here, its rounds can."""
    progress_round = ProgressRoundFactory()
    AimFactory(plan=progress_round.plan)
    # The plan's admin pages are the site admin's (mscb.admin.STAFF_ADMIN_MODELS); pytest-django's admin_user.
    signed_in(page, live_server.url, admin_user.username)
    page.goto(live_server.url + reverse("admin:objectives_businessplan_change", args=[progress_round.plan.pk]))
    return page


def test_a_tabular_inline_is_a_region_named_by_its_heading_that_a_keyboard_reaches(plan_page: Page):
    rounds = plan_page.get_by_role("region", name="Progress rounds")

    expect(rounds).to_have_attribute("id", "rounds-group")
    rounds.focus()
    expect(rounds).to_be_focused()


def test_a_tabular_inlines_empty_headings_get_words_only_a_screen_reader_hears(plan_page: Page):
    aims = plan_page.locator("#aims-group thead th").evaluate_all(HEADINGS_WORDS)
    rounds = plan_page.locator("#rounds-group thead th").evaluate_all(HEADINGS_WORDS)

    assert (aims[0], aims[-1]) == ("Aims", "Delete?")  # the Delete column is empty: aims can't be deleted here
    assert (rounds[0], rounds[-1]) == ("Progress rounds", "Delete?")
    hidden_words = plan_page.locator("#aims-group thead th.original .visually-hidden")
    assert hidden_words.evaluate("el => getComputedStyle(el).position") == "absolute"


def test_a_row_added_with_add_another_leaves_the_inline_passing_axe(plan_page: Page):
    plan_page.get_by_role("button", name="Add another Progress round").click()

    assert plan_page.locator("#rounds-group tbody tr.form-row:not(.empty-form)").count() == 2
    words = plan_page.locator("#rounds-group thead th").evaluate_all(HEADINGS_WORDS)
    assert all(words)
    assert_no_axe_violations(plan_page)
