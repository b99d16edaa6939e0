"""A provider's multi-factor sign-in counts as our two-factor step, for that session only.

The one place that decides: the sign-in stores the account's id under VERIFIED_BY_PROVIDER_KEY when
the ID token says the provider did multi-factor, and the middleware makes `user.is_verified()` true
for that session, so mscb.middleware.TwoFactorRequiredMiddleware and the TOTP pages let the person
through as if they had entered a code. Signing out flushes the session, and with it the mark.
"""

from functools import partial

from django.conf import settings
from django.utils.functional import SimpleLazyObject

VERIFIED_BY_PROVIDER_KEY = "mscb_sso_two_factor_user"


def provider_did_multi_factor(id_token_claims: dict) -> bool:
    """True when the ID token's amr lists "mfa" (RFC 8176), or its acr is one OIDC_MFA_ACR_VALUES names."""
    methods = id_token_claims.get("amr") or []
    if isinstance(methods, str):
        methods = [methods]
    return "mfa" in methods or id_token_claims.get("acr") in settings.OIDC_MFA_ACR_VALUES


def remember(session, user, *, multi_factor: bool) -> None:
    """Mark the session as two-factor verified for this account, or clear a mark an earlier sign-in left."""
    if multi_factor:
        session[VERIFIED_BY_PROVIDER_KEY] = user.pk
    else:
        session.pop(VERIFIED_BY_PROVIDER_KEY, None)


def _verified_by_provider(user, account_id):
    if user.is_authenticated and user.pk == account_id:
        user.is_verified = lambda: True
    return user


class ProviderTwoFactorMiddleware:
    """After django-otp's OTPMiddleware, whose `is_verified()` knows only our own devices."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        account_id = request.session.get(VERIFIED_BY_PROVIDER_KEY)
        if account_id is not None:
            # Still lazy: the user is read only if the page asks for it, as before.
            request.user = SimpleLazyObject(partial(_verified_by_provider, request.user, account_id))
        return self.get_response(request)
