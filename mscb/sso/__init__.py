"""Single sign-on with OpenID Connect: an organisation's account (Entra ID and the like) beside passwords.

mozilla-django-oidc runs the code flow; `backend.py` decides whose account the provider's answer is,
`views.py` puts each refusal on the sign-in page in words, and `two_factor.py` lets a provider's
multi-factor sign-in stand for our own code. Off unless OIDC_RP_CLIENT_ID is set (docs/single-sign-on.md).
"""

from django.conf import settings


def is_configured() -> bool:
    return bool(settings.OIDC_RP_CLIENT_ID)
