"""Setting up two-factor sign-in: the password again, then the app's key and its first code, then the e-mail."""

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from objectives import roles
from objectives.models import EmailKind, EmailLog
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.page_checks import DESKTOP, NARROW
from tests.browser.pages import PASSWORD, sign_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_setting_up_an_app_asks_for_the_password_again_and_e_mails_the_person(page: Page, live_server, settings):
    settings.MFA_REQUIRED = True
    chair = UserFactory(username="chair", roles=[roles.READERS])
    sign_in(page, live_server.url, "chair")

    expect(page.get_by_role("heading", name="Confirm your password")).to_be_visible()
    assert_no_axe_violations(page)
    page.set_viewport_size(NARROW)
    assert_no_axe_violations(page)
    page.set_viewport_size(DESKTOP)
    page.get_by_label("Your password").fill("not-the-password")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("That password is not right").first).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(r"/accounts/two-factor/set-up/\?"))
    device = TOTPDevice.objects.get(user=chair)
    code = f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"
    page.get_by_label("Code from your authenticator app").fill(code)
    page.get_by_role("button", name="Confirm and continue").click()

    expect(page.get_by_text("Two-factor sign-in is set up.")).to_be_visible()
    assert EmailLog.objects.get(recipient=chair).kind == EmailKind.TWO_FACTOR_ADDED
