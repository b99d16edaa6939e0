"""Training: the trainer marks attendance, an attendee answers the evaluation, results and report show it."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.pages import signed_in
from tests.factories import AgencyFactory, BusinessPlanFactory, ProgressRoundFactory
from tests.training.factories import CourseFactory, RegistrationFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def session(live_server):
    course = CourseFactory(title="Neglect: recognising and responding")
    starts = datetime(2025, 10, 7, 9, 30, tzinfo=LONDON)
    session = TrainingSessionFactory(course=course, starts_at=starts, ends_at=starts + timedelta(hours=3), places=12)
    police = AgencyFactory(name="Fenbridge Police", short_name="Police")
    RegistrationFactory(session=session, attendee_name="Robin Ashby", email="robin.ashby@example.org", agency=police)
    RegistrationFactory(session=session, attendee_name="Kim Dale", email="kim.dale@example.org", agency=police)
    return session


@pytest.fixture
def report_round(session):
    plan = BusinessPlanFactory(title="2025/26", starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31))
    return ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31))


@pytest.fixture
def people(browser, training_admin, board_manager):
    """The trainer, an attendee without an account, and the board manager, each in their own browser context."""
    contexts = [browser.new_context() for _ in range(3)]
    yield [context.new_page() for context in contexts]
    for context in contexts:
        context.close()


def test_attendance_evaluation_results_and_report(people, live_server, session, report_round, mailoutbox):
    trainer, attendee, manager = people
    signed_in(trainer, live_server.url, "trainer")

    # The trainer marks who came.
    trainer.goto(f"{live_server.url}/training/sessions/{session.pk}/")
    assert_no_axe_violations(trainer)
    trainer.get_by_role("link", name="Mark attendance").click()
    trainer.get_by_role("group", name=re.compile("Robin Ashby")).get_by_label("Attended").check()
    trainer.get_by_role("group", name=re.compile("Kim Dale")).get_by_label("Did not attend").check()
    assert_no_axe_violations(trainer)
    trainer.get_by_role("button", name="Save attendance").click()
    expect(trainer.locator(".alert-success")).to_be_visible()

    # The evaluation links go to those who attended.
    trainer.get_by_role("button", name="Send evaluation links").click()
    expect(trainer.locator(".alert-success")).to_be_visible()
    assert [message.to for message in mailoutbox] == [["robin.ashby@example.org"]]
    link = re.search(r"https?://\S+/training/evaluate/\S+/", mailoutbox[0].body)[0]

    # The attendee answers without signing in.
    attendee.goto(link)
    assert_no_axe_violations(attendee)
    answers = {
        "How relevant was the training to your work?": "5 – very relevant",
        "How good was the training?": "4",
        "Before the training, how confident were you in this area of practice?": "2",
        "After the training, how confident are you in this area of practice?": "5 – very",
    }
    for question, answer in answers.items():
        attendee.get_by_role("group", name=question).get_by_label(answer, exact=True).check()
    attendee.get_by_label("What will you do differently").fill("Ask about the home conditions at every visit.")
    attendee.get_by_role("button", name="Send my answers").click()
    expect(attendee.get_by_role("heading", level=1)).to_contain_text("Thank you")
    assert_no_axe_violations(attendee)

    # The course's results show the answer and its confidence gain of 3.
    trainer.goto(f"{live_server.url}/training/courses/{session.course.pk}/results/")
    expect(trainer.locator("main")).to_contain_text("Ask about the home conditions at every visit.")
    expect(trainer.locator("main")).to_contain_text("3.0")
    assert_no_axe_violations(trainer)

    # The committee report's Training section counts the session, one attended, one did not.
    signed_in(manager, live_server.url, "manager")
    manager.goto(f"{live_server.url}/plans/{report_round.plan.pk}/rounds/{report_round.pk}/report/")
    section = manager.locator("section", has=manager.get_by_role("heading", name="Training"))
    expect(section).to_contain_text("Neglect: recognising and responding")
    expect(section).to_contain_text("50%")
    assert_no_axe_violations(manager)
