"""With MFA_REQUIRED on, a provider that asserts multi-factor stands for our code; otherwise ours is still asked."""

from http import HTTPStatus
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from mscb.sso.two_factor import VERIFIED_BY_PROVIDER_KEY

from .steps import sign_in_through

pytestmark = pytest.mark.django_db

PLANS = "/plans/"


@pytest.fixture
def mfa_on(settings):
    settings.MFA_REQUIRED = True


def test_amr_mfa_skips_our_code(client, mfa_on, sso_on, member):
    sso_on.id_token_changes = {"amr": ["pwd", "mfa"]}
    sign_in_through(client)

    assert client.get(PLANS).status_code == HTTPStatus.OK
    # The two-factor pages agree: nothing left to enter.
    assert client.get(reverse("two_factor_enrol"), {"next": PLANS}).url == PLANS


def test_without_amr_mfa_our_code_is_still_asked(client, mfa_on, sso_on, member):
    sso_on.id_token_changes = {"amr": ["pwd"]}
    sign_in_through(client)

    response = client.get(PLANS)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == f"{reverse('two_factor_enrol')}?{urlencode({'next': PLANS})}"


def test_mfa_claimed_only_by_the_user_info_endpoint_does_not_count(client, mfa_on, sso_on, member):
    sso_on.person["amr"] = ["mfa"]
    sso_on.id_token_changes = {"amr": ["pwd"]}
    sign_in_through(client)

    assert client.get(PLANS).status_code == HTTPStatus.FOUND


def test_a_configured_acr_value_skips_our_code(client, settings, mfa_on, sso_on, member):
    settings.OIDC_MFA_ACR_VALUES = ["http://schemas.microsoft.com/claims/multipleauthn"]
    sso_on.id_token_changes = {"acr": "http://schemas.microsoft.com/claims/multipleauthn"}
    sign_in_through(client)

    assert client.get(PLANS).status_code == HTTPStatus.OK


def test_an_acr_value_not_configured_does_not(client, mfa_on, sso_on, member):
    sso_on.id_token_changes = {"acr": "http://schemas.microsoft.com/claims/multipleauthn"}
    sign_in_through(client)

    assert client.get(PLANS).status_code == HTTPStatus.FOUND


def test_a_later_sign_in_without_mfa_takes_back_the_earlier_ones_mark(client, mfa_on, sso_on, member):
    sso_on.id_token_changes = {"amr": ["mfa"]}
    sign_in_through(client)
    sso_on.id_token_changes = {"amr": ["pwd"]}

    sign_in_through(client)

    assert client.get(PLANS).status_code == HTTPStatus.FOUND


def test_the_mark_stands_only_for_the_account_that_earned_it(client, mfa_on, member, reader):
    client.force_login(reader)
    session = client.session
    session[VERIFIED_BY_PROVIDER_KEY] = member.pk
    session.save()

    assert client.get(PLANS).status_code == HTTPStatus.FOUND


def test_signing_out_ends_the_mark_with_the_session(client, mfa_on, sso_on, member):
    sso_on.id_token_changes = {"amr": ["mfa"]}
    sign_in_through(client)

    client.post(reverse("logout"))

    assert VERIFIED_BY_PROVIDER_KEY not in client.session
