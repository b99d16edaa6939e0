"""Each demo role signs in, lands on their home page, finds a real item of the demo there and follows it."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from mscb.demo import people
from objectives.models import ProgressUpdate
from tests.browser.pages import sign_in
from training.models import TrainingSession

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def land_on_home(page: Page, live_server, username: str, heading: str):
    sign_in(page, live_server.url, username, people.PASSWORD)
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    # axe and reflow at every width: tests/browser/test_every_page.py checks each role's home page, its first page.


def test_the_manager_lands_on_what_needs_attention_and_opens_an_update_to_review(page: Page, live_server, demo):
    waiting = ProgressUpdate.objects.filter(state=ProgressUpdate.State.SUBMITTED).order_by("submitted_at", "pk")
    first = waiting.select_related("action__plan").first()

    land_on_home(page, live_server, people.MANAGER, "Needs attention")

    panel = page.get_by_role("region", name="Needs attention")
    panel.get_by_role("link", name=re.compile(rf"^{re.escape(first.action.name)}, ")).first.click()
    expect(page).to_have_url(f"{live_server.url}/progress/{first.pk}/review/")


def test_the_chair_lands_on_the_overview_and_opens_the_committee_paper(page: Page, live_server, demo):
    land_on_home(page, live_server, "chair", "Overview")

    panel = page.get_by_role("region", name="Overview")
    expect(panel.get_by_text("Accepted ratings").first).to_be_visible()
    panel.get_by_role("link", name=re.compile(r"^The committee paper for")).first.click()
    expect(page).to_have_url(re.compile(r"/plans/\d+/rounds/\d+/report/$"))


def test_the_police_officer_lands_on_their_actions_and_opens_one(page: Page, live_server, demo):
    land_on_home(page, live_server, "police.officer", "Your agency's actions")

    panel = page.get_by_role("region", name="Your agency's actions")
    # The demo's police officer has an update returned with the manager's comment: it comes first.
    returned = (
        ProgressUpdate.objects.filter(
            action__lead_agencies__short_name="Police",
            round__closed_at__isnull=True,
            state=ProgressUpdate.State.RETURNED,
        )
        .select_related("action__plan")
        .first()
    )
    expect(panel.get_by_text(returned.return_comment[:40])).to_be_visible()
    expect(panel.get_by_role("listitem").first).to_contain_text(returned.action.name)
    panel.get_by_role("link", name=returned.action.name, exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/actions/{returned.action.pk}/progress/{returned.round.pk}/")


def test_the_trainer_lands_on_the_next_sessions_and_opens_one(page: Page, live_server, demo):
    land_on_home(page, live_server, "trainer", "Training sessions")

    panel = page.get_by_role("region", name="Training sessions")
    following = TrainingSession.objects.filter(starts_at__gt=timezone.now()).select_related("course").first()
    panel.get_by_role("link", name=re.compile(rf"^{re.escape(following.course.title)}, ")).first.click()
    expect(page).to_have_url(f"{live_server.url}/training/sessions/{following.pk}/")
