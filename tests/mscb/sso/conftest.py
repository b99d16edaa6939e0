"""A site with single sign-on set up against the stub provider, and a way to sign in through it."""

import pytest

from objectives import roles
from tests.factories import UserFactory

from .provider import StubProvider
from .steps import EMAIL


@pytest.fixture
def provider():
    with StubProvider() as stub:
        stub.person = {"sub": "provider-id-1", "email": "Sam.Jones@NHS.example", "email_verified": True}
        yield stub


@pytest.fixture
def sso_on(settings, provider):
    provider.set_up_site(settings)
    return provider


@pytest.fixture
def member(db):
    """An invited board member whose organisation's account has the same address, in other letters."""
    return UserFactory(username=EMAIL, email=EMAIL, roles=[roles.READERS])
