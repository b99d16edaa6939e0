"""Steps shared by the browser journeys."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import Page

PASSWORD = "a-long-test-password"


def sign_in(page: Page, live_server_url: str, username: str, password: str = PASSWORD) -> None:
    """Sign in through the form, as a person does: for the journeys about signing in, or landing after it."""
    page.goto(f"{live_server_url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def signed_in(page: Page, live_server_url: str, username: str) -> None:
    """The browser is signed in as `username` without loading a page, for a test about what comes after.

    Three page loads fewer than the form (the sign-in page, its post, the home page it leads to): a second or
    more a test on a busy machine. Django's own sign-in makes the session (its signal stamps it as the form's
    does), and the browser is handed its cookie. The journeys that sign in through the form keep `sign_in`.
    """
    client = Client()
    client.force_login(
        get_user_model().objects.get(username=username), backend="django.contrib.auth.backends.ModelBackend"
    )
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [
            {
                "name": cookie.key,
                "value": cookie.value,
                # By domain and path: Chromium refuses a Secure cookie given with an http:// url.
                "domain": urlsplit(live_server_url).hostname,
                "path": "/",
                "secure": settings.SESSION_COOKIE_SECURE,
                "httpOnly": settings.SESSION_COOKIE_HTTPONLY,
                "sameSite": settings.SESSION_COOKIE_SAMESITE,
            }
        ]
    )
