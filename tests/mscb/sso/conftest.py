"""A site with single sign-on set up against the stub provider, and a way to sign in through it."""

import pytest

from objectives import roles
from tests.factories import UserFactory

from .provider import CLIENT_ID, CLIENT_SECRET, StubProvider
from .steps import EMAIL

BACKEND = "mscb.sso.backend.OrganisationAccountBackend"


@pytest.fixture
def provider():
    with StubProvider() as stub:
        stub.person = {"sub": "provider-id-1", "email": "Sam.Jones@NHS.example", "email_verified": True}
        yield stub


@pytest.fixture
def sso_on(settings, provider):
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{provider.url}/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{provider.url}/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{provider.url}/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{provider.url}/jwks"
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, BACKEND]
    return provider


@pytest.fixture
def member(db):
    """An invited board member whose organisation's account has the same address, in other letters."""
    return UserFactory(username=EMAIL, email=EMAIL, roles=[roles.READERS])
