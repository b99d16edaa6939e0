"""A contributor submits and the board manager's e-mail arrives; the manager reminds every late agency at once."""

import pytest
from django.conf import settings
from django.core import mail
from playwright.sync_api import expect

from objectives.models import ProgressUpdate
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.demo_actions import police_action_without_update
from tests.browser.demo_cache import demo_plan, load_demo
from tests.browser.pages import signed_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TEXT = "Police joined 12 of the 14 strategy discussions this quarter."


@pytest.fixture
def demo(live_server):
    load_demo()
    return demo_plan()


@pytest.fixture
def two_people(browser):
    """Two pages in their own browser contexts, so the officer and the manager each have a session."""
    officer, manager = browser.new_context(), browser.new_context()
    yield officer.new_page(), manager.new_page()
    officer.close()
    manager.close()


def test_a_submission_e_mails_the_manager_who_then_reminds_every_late_agency(two_people, live_server, demo):
    progress_round = demo.rounds.filter(closed_at__isnull=True).order_by("-as_of").first()
    action = police_action_without_update(demo, progress_round)
    officer, manager = two_people
    signed_in(officer, live_server.url, "police.officer")
    mail.outbox.clear()

    # The police officer writes and submits an update for the open round.
    officer.goto(f"{live_server.url}/actions/{action.pk}/progress/{progress_round.pk}/")
    officer.get_by_label("Progress (optional)", exact=True).fill(TEXT)
    officer.get_by_role("button", name="Submit to the board manager").click()
    expect(officer.locator(".alert-success")).to_be_visible()

    # The board manager's e-mail arrives, with the review page's address on a line of its own.
    update = ProgressUpdate.objects.get(action=action, round=progress_round)
    review_path = f"/progress/{update.pk}/review/"
    to_manager = [message for message in mail.outbox if message.to == ["manager@example.org"]]
    assert len(to_manager) == 1
    assert f"\n{settings.SITE_URL}{review_path}\n" in to_manager[0].body
    assert f"submitted progress for action {action.ref}" in to_manager[0].subject

    # The manager follows the link, then reminds every agency still to submit from the round page.
    signed_in(manager, live_server.url, "manager")
    manager.goto(f"{live_server.url}{review_path}")
    expect(manager.get_by_role("heading", level=1)).to_contain_text("Review progress")
    manager.goto(f"{live_server.url}/rounds/{progress_round.pk}/")
    assert_no_axe_violations(manager)
    manager.get_by_role("button", name="Remind all late agencies").click()
    expect(manager.locator(".alert-success")).to_contain_text("Reminder e-mailed to")
    reminders = manager.get_by_role("table", name="Who was reminded about this round, when and by whom")
    expect(reminders.get_by_role("rowheader", name="Daniel Okonedo")).to_be_visible()
    expect(reminders.get_by_role("rowheader", name="Fiona Trelawney")).to_be_visible()
    expect(reminders.get_by_role("cell", name="Alex Marlowe").first).to_be_visible()
    assert_no_axe_violations(manager)

    # Everyone's own e-mail settings, from the navigation.
    officer.get_by_role("link", name="E-mail settings").click()
    expect(officer.get_by_role("heading", level=1)).to_have_text("E-mail settings")
    assert_no_axe_violations(officer)
