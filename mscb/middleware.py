"""Sign-in hardening: sessions that end when idle, and two-factor sign-in when MFA_REQUIRED is on."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import auth
from django.shortcuts import redirect
from django.urls import reverse

from mscb import two_factor

# When the signed-in user last made a request, to the minute (seconds since the epoch).
ACTIVE_AT_KEY = "mscb_active_at"
# Push the session's expiry on at most this often, so most pages cost no session write.
REFRESH_AFTER_SECONDS = 60


def stamp_sign_in(sender, request, user, **kwargs):
    """On sign-in, stamp the session; it is saved anyway, so the first page needs no write."""
    if request is not None and hasattr(request, "session"):
        request.session[ACTIVE_AT_KEY] = int(time.time())


class IdleSessionMiddleware:
    """End a session after SESSION_COOKIE_AGE seconds without a request, and extend an active one.

    Saving the session resets its stored expiry and the cookie's max-age to SESSION_COOKIE_AGE
    from now; re-saving only when the stamp is over a minute old keeps that to one write a minute.
    The stamp check also signs out a session whose store kept it alive past the idle limit.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = request.session
        if auth.SESSION_KEY in session:
            now = int(time.time())
            active_at = session.get(ACTIVE_AT_KEY)
            if active_at is not None and now - active_at > settings.SESSION_COOKIE_AGE:
                auth.logout(request)
            elif active_at is None or now - active_at > REFRESH_AFTER_SECONDS:
                session[ACTIVE_AT_KEY] = now
        return self.get_response(request)


# Pages an unverified user may still reach: signing out, and the two-factor pages themselves.
# Views marked login_not_required (sign-in, password reset) are let through as well; static
# files never get here, as whitenoise serves them before any URL is resolved.
_OPEN_VIEWS = {"logout", "admin:logout", "two_factor_enrol", "two_factor_verify"}


class TwoFactorRequiredMiddleware:
    """With MFA_REQUIRED on, send a signed-in user to set up or enter their code before anything else.

    It reads the setting on every request, so tests (and a running site) can turn it on and off.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.MFA_REQUIRED:
            return None
        if not getattr(view_func, "login_required", True) or request.resolver_match.view_name in _OPEN_VIEWS:
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        step = "two_factor_verify" if two_factor.confirmed_devices(user).exists() else "two_factor_enrol"
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
