"""Signing in with an organisation's account: who is matched, and who is refused with a sentence saying why."""

from http import HTTPStatus

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib.auth import get_user_model
from django.urls import reverse

from mscb.middleware import ACTIVE_AT_KEY
from mscb.sso import backend
from tests.factories import UserFactory

from .steps import sign_in_through, signed_in_id

pytestmark = pytest.mark.django_db


def refusal_on_sign_in_page(client, response):
    """The callback's redirect to the sign-in page, and the one message that page then shows."""
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("login")
    page = client.get(response.url)
    assert page.status_code == HTTPStatus.OK
    return [str(message) for message in page.context["messages"]]


def test_a_verified_address_matching_an_invited_account_signs_in_whatever_its_letters_case(client, sso_on, member):
    response = sign_in_through(client)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("home")
    assert signed_in_id(client) == str(member.pk)


def test_signing_in_goes_on_to_the_page_asked_for(client, sso_on, member):
    response = sign_in_through(client, next_url="/plans/")

    assert response.url == "/plans/"
    assert client.get("/plans/").status_code == HTTPStatus.OK


def test_the_sign_in_is_stamped_for_the_idle_time_like_a_password_one(client, sso_on, member):
    sign_in_through(client)

    assert isinstance(client.session[ACTIVE_AT_KEY], int)


def test_an_address_the_provider_did_not_verify_is_refused(client, sso_on, member):
    sso_on.person["email_verified"] = False

    messages = refusal_on_sign_in_page(client, sign_in_through(client))

    assert messages == [backend.NOT_VERIFIED]
    assert signed_in_id(client) is None


def test_an_unknown_address_is_refused_and_no_account_is_made(client, sso_on, member):
    sso_on.person["email"] = "someone.else@nhs.example"
    accounts = get_user_model().objects.count()

    messages = refusal_on_sign_in_page(client, sign_in_through(client))

    assert messages == [
        "Your organisation's account is not linked to an account here: ask your board manager for an invitation."
    ]
    assert get_user_model().objects.count() == accounts
    assert signed_in_id(client) is None


def test_a_deactivated_account_is_refused(client, sso_on, member):
    member.is_active = False
    member.save(update_fields=["is_active"])

    messages = refusal_on_sign_in_page(client, sign_in_through(client))

    assert messages == [backend.DEACTIVATED]
    assert signed_in_id(client) is None


def test_an_account_deactivated_after_signing_in_is_signed_out(client, sso_on, member):
    sign_in_through(client)
    member.is_active = False
    member.save(update_fields=["is_active"])

    response = client.get("/plans/")

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))


def test_two_accounts_with_the_address_are_refused_rather_than_guessed(client, sso_on, member):
    UserFactory(username="sam-again", email="SAM.JONES@nhs.example")

    messages = refusal_on_sign_in_page(client, sign_in_through(client))

    assert messages == [backend.SHARED_ADDRESS]
    assert signed_in_id(client) is None


def test_a_site_admin_is_never_matched_unless_a_setting_allows_it(client, settings, sso_on, member):
    member.is_superuser = True
    member.save(update_fields=["is_superuser"])

    assert refusal_on_sign_in_page(client, sign_in_through(client)) == [backend.SITE_ADMIN]
    assert signed_in_id(client) is None

    settings.OIDC_ALLOW_SUPERUSERS = True
    sign_in_through(client)
    assert signed_in_id(client) == str(member.pk)


@pytest.mark.parametrize("address_claim", ["email", "preferred_username"])
def test_entra_without_email_verified_is_trusted_only_from_a_configured_tenant(
    client, settings, sso_on, member, address_claim
):
    sso_on.person = {"sub": "entra-1", address_claim: "Sam.Jones@nhs.example", "tid": "partner-tenant"}

    assert refusal_on_sign_in_page(client, sign_in_through(client)) == [backend.NOT_VERIFIED]

    settings.OIDC_TRUSTED_TENANT_IDS = ["partner-tenant"]
    sign_in_through(client)
    assert signed_in_id(client) == str(member.pk)


def test_refused_sign_ins_count_as_no_wrong_password(client, sso_on, member):
    sso_on.person["email"] = "someone.else@nhs.example"

    for _ in range(3):
        sign_in_through(client)

    assert not AccessAttempt.objects.exists()
    assert not AccessFailureLog.objects.exists()


def test_a_password_lockout_on_the_account_does_not_stop_its_organisation_sign_in(client, settings, sso_on, member):
    # Someone guessing Sam's password from this address locks the password out, not Sam's own organisation:
    # enough failures to pause that username from this address, fewer than pause the address or the username.
    AccessAttempt.objects.create(
        username=member.username,
        ip_address="127.0.0.1",
        user_agent="",
        failures_since_start=settings.AXES_FAILURE_LIMIT,
        get_data="",
        post_data="",
    )

    sign_in_through(client)

    assert signed_in_id(client) == str(member.pk)


def test_the_sign_in_page_offers_the_button_only_when_it_is_set_up(client, settings, sso_on):
    settings.OIDC_BUTTON_LABEL = "Sign in with your NHS account"

    page = client.get(reverse("login"), {"next": "/plans/"}).content.decode()

    assert '<a class="btn btn-outline-primary" href="/accounts/sso/start/?next=%2Fplans%2F">' in page
    assert "Sign in with your NHS account" in page

    settings.OIDC_RP_CLIENT_ID = ""
    assert "/accounts/sso/start/" not in client.get(reverse("login")).content.decode()
    assert client.get(reverse("sso:start")).status_code == HTTPStatus.NOT_FOUND
    assert client.get(reverse("sso:callback")).status_code == HTTPStatus.NOT_FOUND


def test_a_lockout_of_the_whole_address_stops_an_organisation_sign_in_too(client, settings, sso_on, member):
    settings.AXES_LOCKOUT_PARAMETERS = ["ip_address"]
    AccessAttempt.objects.create(
        ip_address="127.0.0.1", user_agent="", failures_since_start=99, get_data="", post_data=""
    )

    response = sign_in_through(client)

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert signed_in_id(client) is None
    # The lockout page says it all; the sign-in page after it adds no second story.
    assert not list(client.get(reverse("login")).context["messages"])
