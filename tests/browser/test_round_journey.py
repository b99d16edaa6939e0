"""A whole progress round: the agency submits, the manager returns it, the agency resubmits, the manager accepts."""

import pytest
from playwright.sync_api import expect

from objectives.models import ProgressUpdate
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.demo_actions import police_action_without_update
from tests.browser.demo_cache import demo_plan, load_demo
from tests.browser.pages import signed_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FIRST_TEXT = "Police joined 12 of the 14 strategy discussions this quarter."
SECOND_TEXT = "Police joined 12 of the 14 strategy discussions this quarter.\n\n- 2 missed: both out of hours"
COMMENT = "Please say why two were missed and what will change."


@pytest.fixture
def demo(live_server):
    load_demo()
    return demo_plan()


def open_round(demo):
    return demo.rounds.filter(closed_at__isnull=True).order_by("-as_of").first()


@pytest.fixture
def two_people(browser):
    """Two pages in their own browser contexts, so the officer and the manager each have a session."""
    officer, manager = browser.new_context(), browser.new_context()
    yield officer.new_page(), manager.new_page()
    officer.close()
    manager.close()


def test_a_round_from_submission_to_the_report(two_people, live_server, demo):
    progress_round = open_round(demo)
    action = police_action_without_update(demo, progress_round)
    officer, manager = two_people
    signed_in(officer, live_server.url, "police.officer")
    signed_in(manager, live_server.url, "manager")

    # The police officer finds the action in My actions and submits progress.
    officer.goto(f"{live_server.url}/my-actions/")
    assert_no_axe_violations(officer)
    officer.get_by_role("link", name=f"Write update for action {action.ref}", exact=True).click()
    expect(officer).to_have_url(f"{live_server.url}/actions/{action.pk}/progress/{progress_round.pk}/")
    assert_no_axe_violations(officer)
    officer.get_by_label("Rating").select_option("amber")
    officer.get_by_label("Progress (optional)", exact=True).fill(FIRST_TEXT)
    officer.get_by_role("button", name="Submit to the board manager").click()
    expect(officer.locator(".alert-success")).to_be_visible()

    # The manager finds it in the round's queue and returns it with a comment.
    manager.goto(f"{live_server.url}/rounds/{progress_round.pk}/")
    assert_no_axe_violations(manager)
    update = ProgressUpdate.objects.get(action=action, round=progress_round)
    manager.goto(f"{live_server.url}/progress/{update.pk}/review/")
    assert_no_axe_violations(manager)
    manager.get_by_label("Comment for the agency").fill(COMMENT)
    manager.get_by_role("button", name="Return to the agency").click()
    expect(manager.locator(".alert-success")).to_be_visible()

    # The officer sees the comment, improves the text and resubmits.
    officer.goto(f"{live_server.url}/actions/{action.pk}/progress/{progress_round.pk}/")
    expect(officer.get_by_text(COMMENT)).to_be_visible()
    assert_no_axe_violations(officer)
    officer.get_by_label("Progress (optional)", exact=True).fill(SECOND_TEXT)
    officer.get_by_role("button", name="Submit to the board manager").click()
    expect(officer.locator(".alert-success")).to_be_visible()

    # Not in the report until accepted.
    report_url = f"{live_server.url}/plans/{demo.pk}/rounds/{progress_round.pk}/report/"
    manager.goto(report_url)
    expect(manager.get_by_text("2 missed: both out of hours")).to_have_count(0)

    # The manager accepts it, and the report shows the accepted text in the action's row.
    manager.goto(f"{live_server.url}/progress/{update.pk}/review/")
    manager.get_by_role("button", name="Accept").click()
    expect(manager.locator(".alert-success")).to_be_visible()
    manager.goto(report_url)
    row = manager.get_by_role("row").filter(has=manager.get_by_role("cell", name=action.ref, exact=True))
    expect(row).to_contain_text(FIRST_TEXT)
    expect(row.locator(".report-progress .progress-text li")).to_have_text(["2 missed: both out of hours"])
    assert_no_axe_violations(manager)

    # Closing asks first, saying how many actions still lack accepted progress; only the confirmation closes.
    manager.goto(f"{live_server.url}/rounds/{progress_round.pk}/")
    manager.get_by_role("link", name="Close round").click()
    expect(manager.get_by_role("heading", level=1)).to_have_text(f"Close {progress_round.label}?")
    expect(manager.get_by_role("status")).to_contain_text("no accepted update in this round")
    assert_no_axe_violations(manager)
    manager.get_by_role("button", name="Close round").click()
    expect(manager.locator(".alert-success")).to_contain_text("its progress is now read-only")
    progress_round.refresh_from_db()
    assert progress_round.is_closed
