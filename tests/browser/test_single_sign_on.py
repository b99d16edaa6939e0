"""Signing in with an organisation's account, in Chromium: the button on the sign-in page, the trip to the
(stub) provider and back, and the refusal shown on the sign-in page to someone the board has not invited."""

import re

import pytest
from playwright.sync_api import Page, expect

from objectives import roles
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.page_checks import NARROW
from tests.factories import UserFactory
from tests.mscb.sso.provider import StubProvider

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LABEL = "Sign in with your organisation's account"


@pytest.fixture
def provider(settings):
    with StubProvider() as stub:
        stub.set_up_site(settings)
        yield stub


def test_an_invited_member_signs_in_with_their_organisations_account(page: Page, live_server, provider):
    UserFactory(username="chair", email="chair@council.example", first_name="Pat", roles=[roles.READERS])
    provider.person = {"sub": "council-1", "email": "Chair@Council.example", "email_verified": True}
    page.goto(f"{live_server.url}/accounts/login/")

    button = page.get_by_role("link", name=LABEL)
    expect(button).to_be_visible()
    assert_no_axe_violations(page)
    page.set_viewport_size(NARROW)
    assert_no_axe_violations(page)
    button.click()

    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_role("heading", name="Home", level=1)).to_be_visible()


def test_someone_not_invited_is_told_why_on_the_sign_in_page(page: Page, live_server, provider):
    provider.person = {"sub": "police-7", "email": "new.officer@police.example", "email_verified": True}
    page.goto(f"{live_server.url}/accounts/login/")

    page.get_by_role("link", name=LABEL).click()

    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(page.get_by_role("status")).to_have_text(
        "Your organisation's account is not linked to an account here: ask your board manager for an invitation."
    )
    assert_no_axe_violations(page)
