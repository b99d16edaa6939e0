"""Whose account an organisation's sign-in is: one existing, active account with the verified e-mail address.

Nobody is ever created here (OIDC_CREATE_USER is off): the board manager's invitation is what lets
someone in, and the provider only proves who they are. A refusal raises SignInRefused rather than
returning None, so Django sends no user_login_failed and django-axes counts no wrong password.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from mscb.sso.two_factor import provider_did_multi_factor

NOT_LINKED = "Your organisation's account is not linked to an account here: ask your board manager for an invitation."
NOT_VERIFIED = (
    "Your organisation did not confirm your e-mail address, so it cannot be matched to an account here. "
    "Sign in with your password, or ask your board manager."
)
SHARED_ADDRESS = (
    "More than one account here has your e-mail address, so it cannot tell which is yours: "
    "ask your board manager to correct it."
)
DEACTIVATED = "Your account here has been deactivated: ask your board manager if you need it again."
SITE_ADMIN = "Site administrators sign in here with their password and authenticator app."


class SignInRefused(Exception):
    """The provider's answer signs nobody in; the message says why, for the sign-in page."""


def trusted_email(claims: dict) -> str:
    """The e-mail address the provider vouches for, or SignInRefused.

    `email_verified` true is the standard's promise. Entra ID never sends it, and its `email` is
    whatever a tenant's administrator typed, so there the address (or the sign-in name,
    `preferred_username`) is trusted only from a tenant OIDC_TRUSTED_TENANT_IDS names: a partner
    organisation that owns its addresses.
    """
    email = claims.get("email")
    if email and claims.get("email_verified") in (True, "true"):
        return email
    if claims.get("tid") and claims["tid"] in settings.OIDC_TRUSTED_TENANT_IDS:
        address = email or claims.get("preferred_username") or ""
        if "@" in address:
            return address
    raise SignInRefused(NOT_VERIFIED)


def matching_account(email: str):
    """The one active account with this address in any case, or SignInRefused saying why not."""
    accounts = list(get_user_model().objects.filter(email__iexact=email.strip())[:2])
    if not accounts:
        raise SignInRefused(NOT_LINKED)
    if len(accounts) > 1:
        raise SignInRefused(SHARED_ADDRESS)
    account = accounts[0]
    if not account.is_active:
        raise SignInRefused(DEACTIVATED)
    if account.is_superuser and not settings.OIDC_ALLOW_SUPERUSERS:
        raise SignInRefused(SITE_ADMIN)
    return account


class OrganisationAccountBackend(OIDCAuthenticationBackend):
    def verify_token(self, token, **kwargs):
        claims = super().verify_token(token, **kwargs)
        # The library leaves the audience unchecked; a token made out to another application is refused.
        audience = claims.get("aud")
        if self.OIDC_RP_CLIENT_ID not in (audience if isinstance(audience, list) else [audience]):
            raise SuspiciousOperation("The ID token was issued to another application.")
        return claims

    def get_userinfo(self, access_token, id_token, payload):
        # The signed ID token's claims win; the user-info endpoint fills in what it lacks (a name, an e-mail).
        return {**super().get_userinfo(access_token, id_token, payload), **payload}

    def verify_claims(self, claims):
        trusted_email(claims)
        return True

    def filter_users_by_claims(self, claims):
        return [matching_account(trusted_email(claims))]

    def get_or_create_user(self, access_token, id_token, payload):
        account = super().get_or_create_user(access_token, id_token, payload)
        # Read by views.FinishSignInView once the session exists; from the ID token alone.
        account.provider_did_multi_factor = provider_did_multi_factor(payload)
        return account

    def get_user(self, user_id):
        # ModelBackend's, which ends the session of someone deactivated since; the library's does not.
        return ModelBackend.get_user(self, user_id)
