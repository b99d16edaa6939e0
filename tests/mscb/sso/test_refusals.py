"""The library's state, nonce and signature checks stay on: a replayed, forged or tampered callback, or a
provider that fails, ends on the sign-in page with a sentence, never an error page, and signs nobody in."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from mscb.sso import views

from .provider import new_key
from .steps import sign_in_through, signed_in_id, to_provider

pytestmark = pytest.mark.django_db


def refused_with(client, response, message):
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("login")
    page = client.get(response.url)
    assert [str(shown) for shown in page.context["messages"]] == [message]
    assert signed_in_id(client) is None


def test_a_callback_used_twice_is_refused_the_second_time(client, sso_on, member):
    callback = to_provider(client)
    client.get(callback)
    client.post(reverse("logout"))

    refused_with(client, client.get(callback), views.NOT_COMPLETED)


def test_a_replayed_state_in_a_session_that_started_another_sign_in_is_refused(client, sso_on, member):
    used = to_provider(client)
    client.get(used)
    client.post(reverse("logout"))
    to_provider(client)  # A sign-in of its own started, so the session has states, none of them this one.

    refused_with(client, client.get(used), views.START_AGAIN)


def test_a_forged_state_is_refused(client, sso_on, member):
    callback = to_provider(client)
    forged = callback.replace("state=", "state=forged")

    refused_with(client, client.get(forged), views.START_AGAIN)


def test_a_callback_in_a_browser_that_never_started_a_sign_in_is_refused(client, sso_on, member):
    refused_with(client, client.get(f"{reverse('sso:callback')}?code=made-up&state=made-up"), views.NOT_COMPLETED)


def test_an_id_token_with_another_nonce_is_refused(client, sso_on, member):
    sso_on.id_token_changes = {"nonce": "someone-elses-nonce"}

    refused_with(client, sign_in_through(client), views.START_AGAIN)


def test_an_id_token_signed_with_another_key_is_refused(client, sso_on, member):
    sso_on.signing_key = new_key()

    refused_with(client, sign_in_through(client), views.START_AGAIN)


def test_an_id_token_made_out_to_another_application_is_refused(client, sso_on, member):
    sso_on.id_token_changes = {"aud": "another-application"}

    refused_with(client, sign_in_through(client), views.START_AGAIN)


def test_an_expired_id_token_is_refused(client, sso_on, member):
    sso_on.id_token_changes = {"exp": 1_000_000_000}

    refused_with(client, sign_in_through(client), views.UNREACHABLE)


def test_a_provider_that_fails_at_the_token_step_is_refused_with_a_message(client, sso_on, member):
    callback = to_provider(client)
    sso_on.broken = True

    refused_with(client, client.get(callback), views.UNREACHABLE)


def test_a_provider_that_cannot_be_reached_is_refused_with_a_message(client, settings, sso_on, member):
    callback = to_provider(client)
    settings.OIDC_OP_TOKEN_ENDPOINT = "http://127.0.0.1:9/token"

    refused_with(client, client.get(callback), views.UNREACHABLE)


def test_a_sign_in_cancelled_at_the_provider_is_refused_with_a_message(client, sso_on, member):
    callback = to_provider(client)
    cancelled = callback.replace("code=", "error=access_denied&code=")

    refused_with(client, client.get(cancelled), views.NOT_COMPLETED)
