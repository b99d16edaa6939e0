"""Journeys by keyboard alone: a progress round (the police officer submits, the board manager accepts, the chair
reads the report), and a business plan made through its radios, checkboxes, date fields and error summary.

Nobody clicks or fills a field: every step is Tab, Shift+Tab, Enter, Space, an arrow key or typing, as for someone
who cannot use a mouse. At every stop the Tab key reaches, the focused element must be seen (not hidden, clipped
or covered) with a focus ring 2 px wide or more of 3:1 or more against what it sits on (WCAG 2.4.7, 2.4.11, 1.4.11
and 2.4.13's thickness). Only the sign-in page is opened by address; every later page is reached by its links.
"""

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from mscb.demo import people
from objectives import roles
from objectives.models import Action, BusinessPlan
from tests.browser.colours import assert_focus_visible, describe_focus, focused
from tests.browser.demo_actions import police_action_without_update
from tests.browser.demo_cache import demo_plan
from tests.browser.pages import PASSWORD
from tests.factories import ActionFactory, AgencyFactory, ProgressRoundFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PROGRESS = "Police joined 12 of the 14 strategy discussions this quarter."
# More stops than the longest page in the journey has (the plan page: about 70), so a trap or a lost target shows.
MOST_PRESSES = 150


def is_focused(locator: Locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page: Page, target: Locator, key: str = "Tab") -> list[str]:
    """Press Tab (or Shift+Tab) until the target has the focus, checking the focus can be seen at every stop.

    Presses nothing if the target has the focus already.

    Fails if the focus leaves the page before reaching the target, is hidden at any stop, or never reaches it
    (a trap, or a target out of the keyboard's reach).
    Returns the stops passed, for a failure message further on.
    """
    stops = []
    for _ in range(MOST_PRESSES):
        if is_focused(target):
            return stops
        page.keyboard.press(key)
        if focused(page) is None:
            raise AssertionError(f"{key} left the page before reaching {target}; stops: {stops}")
        stops.append(assert_focus_visible(page))
    raise AssertionError(f"{key} never reached {target} in {MOST_PRESSES} presses; stops: {stops}")


def follow(page: Page, link: Locator, key: str = "Tab") -> None:
    """Tab (or Shift+Tab) to a link or button and press Enter on it, waiting for the page it opens."""
    tab_to(page, link, key)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def tab_to_the_end(page: Page) -> list[str]:
    """Press Tab until the focus leaves the page, checking every stop: none may be hidden or ringless."""
    stops = []
    for _ in range(MOST_PRESSES):
        page.keyboard.press("Tab")
        if focused(page) is None:
            return stops
        stops.append(assert_focus_visible(page))
    raise AssertionError(f"Tab never left {page.url} in {MOST_PRESSES} presses; stops: {stops}")


def sign_in_by_keyboard(page: Page, live_server_url: str, username: str, password: str = people.PASSWORD) -> None:
    # The only address typed: a keyboard user arrives at the sign-in page from a bookmark or a link in an e-mail.
    page.goto(f"{live_server_url}/accounts/login/")
    # Django's sign-in form puts the focus in Username (autofocus); the ring shows there too.
    expect(page.get_by_label("Username")).to_be_focused()
    assert_focus_visible(page)
    page.keyboard.type(username)
    tab_to(page, page.get_by_label("Password"))
    page.keyboard.type(password)
    # Back to Username and forward again: Shift+Tab retraces the same stops.
    tab_to(page, page.get_by_label("Username"), key="Shift+Tab")
    tab_to(page, page.get_by_label("Password"))
    follow(page, page.get_by_role("button", name="Sign in"))
    # Signed in: the menu, folded away or not, offers to sign out.
    menu = page.get_by_role("navigation", name="Main")
    expect(menu.get_by_role("button", name="Sign out", include_hidden=True)).to_have_count(1)


def assert_skip_link_first_and_working(page: Page) -> None:
    """The first Tab on a page reaches the skip link, seen; Enter on it moves the focus to the main content."""
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    # The next Tab goes into the content, past the menu.
    page.keyboard.press("Tab")
    assert focused(page).evaluate("element => element.closest('main') !== null"), describe_focus(page)
    assert_focus_visible(page)


def nav_link(page: Page, name: str) -> Locator:
    return page.get_by_role("navigation", name="Main").get_by_role("link", name=name, exact=True)


@pytest.fixture
def plan(live_server, demo):
    return demo_plan()


@pytest.fixture
def open_round(plan):
    return plan.rounds.filter(closed_at__isnull=True).order_by("-as_of").get()


@pytest.fixture
def police_action(plan, open_round):
    """An open action the police lead with nothing yet in the open round."""
    return police_action_without_update(plan, open_round)


@pytest.fixture
def three_people(browser):
    """The officer, the manager and the chair, each in a browser context (a session) of their own."""
    contexts = [browser.new_context() for _ in range(3)]
    yield [context.new_page() for context in contexts]
    for context in contexts:
        context.close()


def submit_progress(page: Page, url: str, action: Action) -> None:
    """The police officer: My actions, the action's progress form, a rating by arrow keys, text, submit."""
    sign_in_by_keyboard(page, url, "police.officer")
    assert_skip_link_first_and_working(page)
    # The skip link left the focus in the content: back up through the menu to reach it.
    follow(page, nav_link(page, "My actions"), key="Shift+Tab")
    # The menu shows the page you are on; its link takes the same ring as the others.
    tab_to(page, nav_link(page, "My actions"))
    follow(page, page.get_by_role("link", name=f"Write update for action {action.ref}", exact=True))

    rating = page.get_by_label("Rating")
    tab_to(page, rating)
    # A closed select steps through its options with the arrow keys: No rating, Red, Amber.
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(rating).to_have_value("amber")
    tab_to(page, page.get_by_label("Progress (optional)", exact=True))
    page.keyboard.type(PROGRESS)
    follow(page, page.get_by_role("button", name="Submit to the board manager"))
    expect(page.locator(".alert-success")).to_contain_text("submitted to the board manager")


def accept_progress(page: Page, url: str, plan: BusinessPlan, progress_round, action: Action) -> None:
    """The board manager: the plan, its round's updates, the action's review, Accept pressed with Space."""
    sign_in_by_keyboard(page, url, people.MANAGER)
    assert_skip_link_first_and_working(page)
    # From the home page, back up through the menu to the plans.
    follow(page, nav_link(page, "Business plans"), key="Shift+Tab")
    follow(page, page.get_by_role("link", name=plan.title, exact=True))
    follow(page, page.get_by_role("link", name=f"Updates for {progress_round.label}", exact=True))
    review = page.get_by_role("link", name=f"Review the update for action {action.ref}", exact=True)
    follow(page, review)
    expect(page.get_by_label("Progress (optional)", exact=True)).to_have_value(PROGRESS)
    tab_to(page, page.get_by_role("button", name="Accept", exact=True))
    with page.expect_navigation():
        page.keyboard.press("Space")
    expect(page.locator(".alert-success")).to_contain_text(f"progress for {action} accepted")


def read_report(page: Page, url: str, plan: BusinessPlan, progress_round, action: Action) -> None:
    """The chair: the plan list's link to the round's report, the accepted text in it, every stop on the page."""
    sign_in_by_keyboard(page, url, "chair")
    assert_skip_link_first_and_working(page)
    follow(page, nav_link(page, "Business plans"), key="Shift+Tab")
    plan_row = page.get_by_role("row").filter(has=page.get_by_role("link", name=plan.title, exact=True))
    follow(page, plan_row.get_by_role("link", name=progress_round.label, exact=True))
    expect(page.get_by_role("heading", level=1)).to_contain_text("progress report", ignore_case=True)
    row = page.get_by_role("row").filter(has=page.get_by_role("cell", name=action.ref, exact=True))
    expect(row).to_contain_text(PROGRESS)
    assert_skip_link_first_and_working(page)
    stops = tab_to_the_end(page)
    assert any('"Download PDF"' in stop for stop in stops), stops


def test_a_round_by_keyboard_alone_with_a_visible_focus_at_every_stop(
    three_people, live_server, plan, open_round, police_action
):
    officer, manager, chair = three_people

    submit_progress(officer, live_server.url, police_action)
    accept_progress(manager, live_server.url, plan, open_round, police_action)
    read_report(chair, live_server.url, plan, open_round, police_action)


def fill_in_the_plan_form(page: Page) -> None:
    """Dates typed into their parts, a radio chosen with an arrow key, a checkbox ticked with Space."""
    # A date field's day, month, year and calendar button are stops of their own, each ringed. Day and month are
    # the same number, so the date reads the same in whichever order the browser's language puts them.
    tab_to(page, page.get_by_label("Start date"))
    page.keyboard.type("03032026")
    tab_to(page, page.get_by_label("End date"))
    page.keyboard.type("03032027")
    expect(page.get_by_label("End date")).to_have_value("2027-03-03")

    # A radio group is one stop; the arrow keys choose within it.
    tab_to(page, page.get_by_label("Aims, objectives and actions"))
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Priorities and actions")).to_be_checked()
    assert_focus_visible(page)
    # Space ticks a checkbox.
    success_measure = page.get_by_label("Success measure")
    tab_to(page, success_measure)
    page.keyboard.press("Space")
    expect(success_measure).to_be_checked()


def test_a_business_plan_made_by_keyboard_through_its_error_summary_radios_and_checkboxes(page: Page, live_server):
    UserFactory(username="morgan", roles=[roles.BOARD_MANAGERS])
    sign_in_by_keyboard(page, live_server.url, "morgan", PASSWORD)
    # A new board's home page has nothing waiting, and says where to go instead.
    assert_skip_link_first_and_working(page)
    follow(page, page.get_by_role("main").get_by_role("link", name="business plans"))
    follow(page, page.get_by_role("link", name="New business plan"))

    # Sent empty, the form opens on its error summary: in focus, ringed, its first link leading to the title.
    follow(page, page.get_by_role("button", name="Create business plan"))
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    assert_focus_visible(page)
    tab_to(page, summary.get_by_role("link").first)
    page.keyboard.press("Enter")
    expect(page.get_by_label("Title")).to_be_focused()
    assert_focus_visible(page)
    page.keyboard.type("Keyboard plan 2026/27")
    fill_in_the_plan_form(page)

    follow(page, page.get_by_role("button", name="Create business plan"))
    expect(page.locator(".alert-success")).to_contain_text("Keyboard plan 2026/27 created")
    plan = BusinessPlan.objects.get(title="Keyboard plan 2026/27")
    assert (plan.shape, str(plan.ends_on)) == ("two-level", "2027-03-03")
    assert "success_measure" in plan.report_columns


def test_on_a_phone_the_menu_opens_by_keyboard_and_leads_to_the_progress_form(page: Page, live_server):
    police = AgencyFactory(short_name="Police")
    action = ActionFactory(lead_agencies=[police])
    ProgressRoundFactory(plan=action.plan)
    UserFactory(username="dana", roles=[roles.AGENCY_CONTRIBUTORS], agencies=[police])
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in_by_keyboard(page, live_server.url, "dana", PASSWORD)
    assert_skip_link_first_and_working(page)

    # Folded away on a narrow screen, the menu's links are no stops until its button (on the navy bar) opens it.
    menu = page.get_by_role("button", name="Show or hide the menu")
    tab_to(page, menu, key="Shift+Tab")
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#main-nav")).to_have_class(re.compile(r"\bshow\b"))
    follow(page, nav_link(page, "My actions"))
    follow(page, page.get_by_role("link", name=f"Write update for action {action.ref}", exact=True))

    expect(page.get_by_label("Progress (optional)", exact=True)).to_be_visible()


# One of each kind of control the site uses, for the ring on grounds no journey above happens to cross.
EVERY_CONTROL = """
<a href="#x">A link</a>
<button type="button" class="btn btn-primary">A button</button>
<button type="button" class="btn btn-outline-light">An outline button</button>
<a class="btn btn-link" href="#x">A link styled as a button</a>
<table class="table table-striped"><tbody><tr><td><a href="#x">A link in a striped row</a></td></tr></tbody></table>
<select class="form-select" aria-label="A select"><option>One</option><option>Two</option></select>
<input type="text" class="form-control is-invalid" aria-label="A field in error">
<input type="date" class="form-control" aria-label="A date">
<div class="form-check"><input class="form-check-input" type="radio" id="r"><label for="r">A radio</label></div>
<div class="form-check"><input class="form-check-input" type="checkbox" id="c"><label for="c">A checkbox</label></div>
<details><summary>A summary</summary><p>Its details</p></details>
<a class="nav-link" aria-current="page" href="#x">The current page in a menu</a>
<ul class="pagination"><li class="page-item"><a class="page-link" href="#x">2</a></li></ul>
<a class="alert-link" href="#x">A link in an alert</a>
<button type="button" class="navbar-toggler" aria-label="The menu button of a narrow screen">
  <span class="navbar-toggler-icon"></span>
</button>
"""


@pytest.mark.parametrize("ground", ["bg-white", "bg-primary-dark", "alert alert-danger"])
def test_every_kind_of_control_shows_a_ring_of_3_to_1_on_a_light_or_dark_ground(page: Page, live_server, ground):
    # Drawn with the site's own stylesheets, served by the live server; no page of the site has all of these.
    page.set_content(
        f'<!doctype html><html lang="en-GB"><head><title>Controls</title>'
        f'<link rel="stylesheet" href="{live_server.url}/static/bootstrap/css/bootstrap.min.css">'
        f'<link rel="stylesheet" href="{live_server.url}/static/css/mscb.css"></head>'
        f'<body><main class="{ground} p-4">{EVERY_CONTROL}</main></body></html>',
        wait_until="load",
    )

    stops = tab_to_the_end(page)

    # Six links, three buttons, the select, the field in error, the date's day, month, year and calendar button,
    # the radio, the checkbox and the summary: every one reached and ringed.
    assert len(stops) == 18, stops


# What the check must catch: a focused element nobody can see, one covered by another, one without a ring.
UNSEEN_FOCUS = {
    "visually hidden": (
        '<a href="#x" style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)">Hidden</a>',
        "cannot be seen: it has no size",
    ),
    "clipped": ('<a href="#x" style="clip-path:inset(50%)">Clipped</a>', "cannot be seen: it is clipped away"),
    "covered": (
        '<a href="#x">Covered</a><div style="position:fixed;inset:0;background:#fff"></div>',
        "cannot be seen: it is under <div",
    ),
    "ringless": ('<a href="#x" style="outline:none">No ring</a>', "shows no focus ring"),
}


@pytest.mark.parametrize(("html", "complaint"), UNSEEN_FOCUS.values(), ids=UNSEEN_FOCUS.keys())
def test_the_check_fails_a_focus_that_cannot_be_seen(page: Page, html, complaint):
    page.set_content(f'<!doctype html><html lang="en-GB"><title>Unseen</title><body>{html}</body></html>')
    page.keyboard.press("Tab")

    with pytest.raises(AssertionError, match=re.escape(complaint)):
        assert_focus_visible(page)
