"""The idle-session warning, and the Done-when of issue 18's "Timing": text typed before a session ended is not lost.

The live server runs in this process, so the `settings` fixture shortens the idle time to seconds. Below a
minute, an ordinary page does not count as activity (the stamp is pushed on at most once a minute), so only
signing in and "Stay signed in" start the idle time again: what each test shows is theirs alone.
"""

import re
import time

import pytest
from playwright.sync_api import Page, expect

from core.kept_text import PUT_BACK_MESSAGE
from mscb.session_keep import KEPT_MESSAGE
from objectives import roles
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.page_checks import DESKTOP, NARROW
from tests.browser.pages import PASSWORD, sign_in
from tests.factories import ActionFactory, AgencyFactory, ProgressRoundFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WRITTEN = "Repeat referrals down from 24% to 17% since the new triage began in October."


def wait_until(moment: float) -> None:
    time.sleep(max(0.0, moment - time.monotonic()))


def test_the_warning_comes_before_sign_out_and_staying_signed_in_keeps_the_session(page: Page, live_server, settings):
    settings.SESSION_COOKIE_AGE = 10
    settings.SESSION_WARNING_SECONDS = 8
    UserFactory(username="chair", roles=[roles.READERS])
    sign_in(page, live_server.url, "chair")
    signed_in_at = time.monotonic()
    skip_link = page.get_by_role("link", name="Skip to main content")
    skip_link.focus()

    dialog = page.get_by_role("alertdialog", name="You will be signed out soon")
    expect(dialog).to_be_visible(timeout=5000)
    expect(dialog).to_have_accessible_description(re.compile(r"you will be signed out at \d\d:\d\d unless"))
    stay = dialog.get_by_role("button", name="Stay signed in")
    expect(stay).to_be_focused()
    assert_no_axe_violations(page)
    # At 320 px (400% zoom) too, and the dialog fits the screen.
    page.set_viewport_size(NARROW)
    assert_no_axe_violations(page)
    assert dialog.bounding_box()["width"] <= NARROW["width"]
    page.set_viewport_size(DESKTOP)
    # Answered late in the warning, so the session it started again is clearly longer than the first.
    wait_until(signed_in_at + 6)
    stay.click()

    expect(dialog).to_be_hidden()
    expect(skip_link).to_be_focused()
    wait_until(signed_in_at + 11.5)
    page.reload()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))
    expect(page.get_by_role("navigation", name="Main").get_by_role("button", name="Sign out")).to_be_visible()


def test_signing_out_from_the_warning_ends_on_the_sign_in_page(page: Page, live_server, settings):
    settings.SESSION_COOKIE_AGE = 6
    settings.SESSION_WARNING_SECONDS = 5
    UserFactory(username="chair", roles=[roles.READERS])
    sign_in(page, live_server.url, "chair")
    dialog = page.get_by_role("alertdialog", name="You will be signed out soon")

    dialog.get_by_role("button", name="Sign out").click(timeout=5000)

    expect(page).to_have_url(f"{live_server.url}/accounts/login/")
    page.goto(f"{live_server.url}/plans/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/plans/"))


def test_progress_typed_before_the_session_ended_is_back_in_the_form_after_signing_in(
    page: Page, live_server, settings
):
    settings.SESSION_COOKIE_AGE = 8
    settings.SESSION_WARNING_SECONDS = 4
    police = AgencyFactory(name="Fenbridge Police", short_name="Police")
    UserFactory(username="pat", roles=[roles.AGENCY_CONTRIBUTORS], agencies=[police])
    action = ActionFactory(lead_agencies=[police])
    progress_round = ProgressRoundFactory(plan=action.plan)
    form_url = f"{live_server.url}/actions/{action.pk}/progress/{progress_round.pk}/"
    sign_in(page, live_server.url, "pat")
    signed_in_at = time.monotonic()
    page.goto(form_url)
    page.get_by_label("Progress (optional)", exact=True).fill(WRITTEN)

    # Pat is away: the warning comes and goes unanswered until the session has ended.
    warning = page.get_by_role("alertdialog", name="You will be signed out soon")
    expect(warning).to_be_visible(timeout=8000)
    wait_until(signed_in_at + 10)
    warning.get_by_role("button", name="Stay signed in").click()
    ended = page.get_by_role("alertdialog", name="You have been signed out")
    expect(ended).to_be_visible()
    expect(ended.get_by_role("heading", name="You have been signed out")).to_be_focused()
    expect(ended).to_contain_text("To keep what you wrote on this page, close this and save")
    expect(ended.get_by_role("link", name="Sign in again")).to_have_attribute(
        "href", f"/accounts/login/?next=%2Factions%2F{action.pk}%2Fprogress%2F{progress_round.pk}%2F"
    )
    assert_no_axe_violations(page)
    ended.get_by_role("button", name="Close").click()
    page.get_by_role("button", name="Save draft").click()

    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    expect(page.get_by_role("status")).to_contain_text(KEPT_MESSAGE)
    page.get_by_label("Username").fill("pat")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page).to_have_url(form_url)
    expect(page.get_by_label("Progress (optional)", exact=True)).to_have_value(WRITTEN)
    expect(page.get_by_role("status")).to_contain_text(PUT_BACK_MESSAGE)
