"""A case review's action plan: the manager records a recommendation and its action for the police, the police
officer submits progress on it in the open round, the manager accepts it, and the report shows it under the review.
"""

import re

import pytest
from playwright.sync_api import expect

from core.formats import month_year
from objectives.models import Action, Agency, ProgressUpdate
from reviews.guidance import section_title
from reviews.models import Review
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.demo_cache import demo_plan, load_demo
from tests.browser.pages import signed_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RECOMMENDATION = "Police should share exploitation concerns with youth justice within one working day."
ACTION = "Set up a daily exploitation briefing between the police and the youth justice service."
PROGRESS = "The daily briefing started on 2 March; 17 concerns were shared within a working day."


@pytest.fixture
def demo(live_server):
    load_demo()
    plan = demo_plan()
    return plan, plan.rounds.filter(closed_at__isnull=True).order_by("-as_of").first()


@pytest.fixture
def two_people(browser):
    """Two pages in their own browser contexts, so the officer and the manager each have a session."""
    officer, manager = browser.new_context(), browser.new_context()
    yield officer.new_page(), manager.new_page()
    officer.close()
    manager.close()


def test_a_review_recommendation_from_its_action_to_the_report(two_people, live_server, demo):
    plan, progress_round = demo
    review = Review.objects.get(name="Child T")
    police = Agency.objects.get(short_name="Police")
    officer, manager = two_people
    signed_in(officer, live_server.url, "police.officer")
    signed_in(manager, live_server.url, "manager")

    # The manager finds the review in the register and records a recommendation for the police.
    manager.goto(f"{live_server.url}/reviews/")
    assert_no_axe_violations(manager)
    manager.get_by_role("link", name="Child T", exact=True).click()
    expect(manager).to_have_url(f"{live_server.url}/reviews/{review.pk}/")
    assert_no_axe_violations(manager)
    manager.get_by_role("link", name="Add recommendation to Child T").click()
    assert_no_axe_violations(manager)
    manager.get_by_role("textbox", name=re.compile(r"^Recommendation")).fill(RECOMMENDATION)
    manager.get_by_label(police.name, exact=True).check()
    manager.get_by_role("button", name="Add recommendation").click()
    expect(manager.locator(".alert-success")).to_contain_text("Recommendation 1 added.")

    # Then the recommendation's action, led by the police as the recommendation is for them.
    manager.get_by_role("link", name="Add action to recommendation 1").click()
    assert_no_axe_violations(manager)
    manager.get_by_label("Reports in").select_option(str(plan.pk))
    manager.get_by_role("textbox", name=re.compile(r"^Action")).fill(ACTION)
    expect(manager.get_by_label(police.name, exact=True)).to_be_checked()
    manager.get_by_label("Target date").fill(month_year(plan.ends_on))
    manager.get_by_role("button", name="Add action").click()
    expect(manager.locator(".alert-success")).to_contain_text("Action CT-1.1 added.")
    action = Action.objects.get(ref="CT-1.1")

    # The police officer finds it in My actions, among the plan's own, and submits progress.
    officer.goto(f"{live_server.url}/my-actions/")
    officer.get_by_role("link", name="Write update for action CT-1.1", exact=True).click()
    expect(officer).to_have_url(f"{live_server.url}/actions/{action.pk}/progress/{progress_round.pk}/")
    assert_no_axe_violations(officer)
    officer.get_by_label("Rating").select_option("green")
    officer.get_by_label("Progress (optional)", exact=True).fill(PROGRESS)
    officer.get_by_role("button", name="Submit to the board manager").click()
    expect(officer.locator(".alert-success")).to_be_visible()

    # The manager accepts it as any plan action's progress.
    update = ProgressUpdate.objects.get(action=action, round=progress_round)
    manager.goto(f"{live_server.url}/progress/{update.pk}/review/")
    manager.get_by_role("button", name="Accept").click()
    expect(manager.locator(".alert-success")).to_be_visible()

    # The review's page and the committee report show the accepted progress under the review.
    manager.goto(f"{live_server.url}/reviews/{review.pk}/")
    expect(manager.get_by_text(PROGRESS)).to_be_visible()
    manager.goto(f"{live_server.url}/plans/{plan.pk}/rounds/{progress_round.pk}/report/")
    # Titled as the guidance in force on the round's as-of date calls local reviews.
    reviews_section = manager.locator("section").filter(
        has=manager.get_by_role("heading", name=section_title(progress_round.as_of), exact=True)
    )
    expect(reviews_section.get_by_role("heading", name="Child T")).to_be_visible()
    row = reviews_section.get_by_role("row").filter(has=manager.get_by_role("cell", name="CT-1.1", exact=True))
    expect(row).to_contain_text(ACTION)
    expect(row).to_contain_text(PROGRESS)
    expect(row).to_contain_text("Green")
    assert_no_axe_violations(manager)
