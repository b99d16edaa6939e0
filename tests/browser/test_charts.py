"""The uptake page's charts under the site's CSP, on a 320 px screen: nothing refused, every word legible."""

import pytest
from playwright.sync_api import Page

from objectives import roles
from tests.browser.pages import signed_in
from tests.factories import UserFactory
from tests.training.factories import CourseFactory, RegistrationFactory, TrainingSessionFactory
from tests.training.uptake_samples import YEAR, hand_counted_world
from training.models import Registration

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LEGIBLE_PX = 12
# The size each chart's words are drawn at: their font size in the SVG's units times the viewBox's scale.
DRAWN_FONT_SIZES = """
() => [...document.querySelectorAll("svg.training-chart text")].map(
    text => parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a
)
"""
CHARTS_RIGHT_EDGE = """
() => Math.max(...[...document.querySelectorAll("svg.training-chart")].map(svg => svg.getBoundingClientRect().right))
"""


@pytest.fixture
def uptake_url(live_server):
    UserFactory(username="chair", roles=[roles.READERS])
    world = hand_counted_world()
    # A demo course whose title needs two lines on a phone.
    session = TrainingSessionFactory(
        course=CourseFactory(title="Domestic abuse and safeguarding children"),
        starts_at=world.sessions["A1"].starts_at,
        ends_at=world.sessions["A1"].ends_at,
    )
    RegistrationFactory.create_batch(3, session=session, status=Registration.Status.ATTENDED)
    starts_on, ends_on = YEAR
    return f"{live_server.url}/training/uptake/?starts_on={starts_on}&ends_on={ends_on}"


def test_uptake_charts_break_no_csp_rule_and_are_legible_at_320_px(page: Page, live_server, uptake_url):
    signed_in(page, live_server.url, "chair")
    console = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.set_viewport_size({"width": 320, "height": 800})

    page.goto(uptake_url)

    assert [message for message in console if "Content Security Policy" in message] == []
    sizes = page.evaluate(DRAWN_FONT_SIZES)
    assert page.locator("svg.training-chart").count() == 2
    assert len(sizes) > 10
    assert min(sizes) >= LEGIBLE_PX, sizes
    # The charts fit the narrow screen rather than push the page sideways.
    assert page.evaluate(CHARTS_RIGHT_EDGE) <= 320
