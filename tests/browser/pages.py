"""Steps shared by the browser journeys."""

from playwright.sync_api import Page

PASSWORD = "a-long-test-password"


def sign_in(page: Page, live_server_url: str, username: str, password: str = PASSWORD) -> None:
    page.goto(f"{live_server_url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
