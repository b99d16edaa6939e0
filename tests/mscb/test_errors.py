"""The error pages: the site's layout, plain words and where to go next; a 403 logged in one line."""

import logging
from http import HTTPStatus

import pytest
from django.test import Client, RequestFactory
from django.urls import get_resolver, reverse

from mscb import errors
from objectives import roles
from tests.factories import UserFactory

BROKEN_URLS = "tests.mscb.broken_urls"


@pytest.fixture
def quiet_client(client):
    """A client that answers as the live site does: an exception in a view becomes the 500 page."""
    client.raise_request_exception = False
    return client


def test_page_not_found_is_in_the_site_layout_and_says_where_to_go(manager_client):
    response = manager_client.get("/no-such-page/")

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert [template.name for template in response.templates][:2] == ["404.html", "base.html"]
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html
    assert f'href="{reverse("home")}">Go to the home page</a>' in html
    assert "contact your board manager" in html
    assert "Sign out" in html  # the signed-in person keeps the menu


def test_page_not_found_offers_sign_in_to_someone_signed_out(client, db):
    response = client.get("/no-such-page/")

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert f'<a href="{reverse("login")}">Sign in</a>' in response.content.decode()


def test_refused_page_is_in_the_site_layout(contributor_client):
    response = contributor_client.get(reverse("objectives:person_list"))

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert [template.name for template in response.templates][:2] == ["403.html", "base.html"]
    html = response.content.decode()
    assert "<h1>You cannot open this page</h1>" in html
    assert "ask your board manager to change your role" in html


def test_a_refusal_is_logged_as_one_line_naming_the_person_and_the_address(client, db, caplog):
    client.force_login(UserFactory(username="sam.officer", roles=[roles.AGENCY_CONTRIBUTORS]))

    with caplog.at_level(logging.WARNING):
        client.get(reverse("objectives:person_list"))

    # Besides the security log's own JSON line (tests/audit), itself one line.
    (record,) = [record for record in caplog.records if record.name != "mscb.security"]
    assert record.getMessage() == "Forbidden (Permission denied): /people/ (user: sam.officer)"
    assert record.exc_info is None
    assert "Traceback" not in caplog.text
    assert len(caplog.text.strip().splitlines()) == len(caplog.records)


def test_a_refused_form_without_its_security_token_is_logged_in_one_line_too(db, caplog):
    browser = Client(enforce_csrf_checks=True)

    with caplog.at_level(logging.WARNING):
        response = browser.post(reverse("login"), {"username": "x", "password": "y"})

    assert response.status_code == HTTPStatus.FORBIDDEN
    (record,) = caplog.records
    assert record.getMessage().endswith(": /accounts/login/ (user: anonymous)")


def test_other_errors_are_logged_as_they_were_with_their_traceback():
    try:
        raise RuntimeError("boom")
    except RuntimeError as error:
        exc_info = (type(error), error, error.__traceback__)
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Server error: %s", ("/x/",), exc_info)
    record.status_code = HTTPStatus.INTERNAL_SERVER_ERROR

    errors.RefusalInOneLine().filter(record)

    assert (record.getMessage(), record.exc_info) == ("Server error: /x/", exc_info)


@pytest.mark.urls(BROKEN_URLS)
def test_server_error_page_is_in_the_site_layout_with_the_board_name(quiet_client, board_manager, settings):
    settings.BOARD_NAME = "Fenbridge Safeguarding Children Partnership"
    quiet_client.force_login(board_manager)

    response = quiet_client.get("/test-broken/")

    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    html = response.content.decode()
    assert "<title>Sorry, something went wrong – Fenbridge Safeguarding Children Partnership</title>" in html
    assert "It was not caused by anything you did." in html
    assert "Skip to main content" in html  # base.html's layout
    assert f'href="{reverse("home")}">Go to the home page</a>' in html


def test_server_error_page_needs_neither_the_database_nor_the_request():
    """No `db` fixture: any query here fails the test, as it would fail on a site whose database is down."""
    handler = get_resolver().resolve_error_handler(HTTPStatus.INTERNAL_SERVER_ERROR)

    response = handler(RequestFactory().get("/"))

    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert "<h1>Sorry, something went wrong</h1>" in response.content.decode()


def test_server_error_page_still_answers_when_the_layout_cannot_be_drawn(settings):
    # Manifest storage without a collected manifest: {% static %} fails, as after a botched deployment.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }

    response = errors.server_error(RequestFactory().get("/"))

    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert "<h1>Sorry, something went wrong</h1>" in response.content.decode()


@pytest.mark.urls(BROKEN_URLS)
def test_bad_request_page_is_in_the_site_layout(quiet_client, db):
    response = quiet_client.get("/test-suspicious/")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    html = response.content.decode()
    assert "<h1>Your request could not be read</h1>" in html
    assert "nothing was changed" in html
    assert f'<a href="{reverse("login")}">Sign in</a>' in html
