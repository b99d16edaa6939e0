"""Sign-in hardening: sessions that end when idle, and two-factor sign-in when MFA_REQUIRED is on."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import auth
from django.shortcuts import redirect
from django.urls import reverse

from core import kept_text
from mscb import session_keep, two_factor

# When the signed-in user last made a request, to the minute (seconds since the epoch).
ACTIVE_AT_KEY = "mscb_active_at"
# When the user signed in (seconds since the epoch): the session ends SESSION_ABSOLUTE_SECONDS later.
SIGNED_IN_AT_KEY = "mscb_signed_in_at"
# Push the session's expiry on at most this often, so most pages cost no session write.
REFRESH_AFTER_SECONDS = 60


def stamp_sign_in(sender, request, user, **kwargs):
    """On sign-in, stamp the session; it is saved anyway, so the first page needs no write.

    Text kept from someone else's ended session (core.kept_text) is dropped here, never carried into this one.
    """
    if request is not None and hasattr(request, "session"):
        mark_active(request.session)
        request.session[SIGNED_IN_AT_KEY] = request.session[ACTIVE_AT_KEY]
        kept_text.forget_text_of_others(request.session, user)


def mark_active(session) -> None:
    """Start the idle time again from now; the changed session is saved, which renews its expiry and cookie."""
    session[ACTIVE_AT_KEY] = int(time.time())


class IdleSessionMiddleware:
    """End a session after SESSION_COOKIE_AGE seconds without a request, or SESSION_ABSOLUTE_SECONDS
    after sign-in, and extend an active one.

    Saving the session resets its stored expiry and the cookie's max-age to SESSION_COOKIE_AGE
    from now; re-saving only when the stamp is over a minute old keeps that to one write a minute.
    The stamp check also signs out a session whose store kept it alive past the idle limit.
    A form's text that arrives after the session ended is kept for its writer (mscb.session_keep).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = request.session
        if auth.SESSION_KEY in session:
            now = int(time.time())
            active_at = session.get(ACTIVE_AT_KEY)
            if session_has_ended(session, now):
                auth.logout(request)
            elif active_at is None or now - active_at > REFRESH_AFTER_SECONDS:
                session[ACTIVE_AT_KEY] = now
        response = self.get_response(request)
        session_keep.remember_who_is_signed_in(request, response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Before LoginRequiredMiddleware's redirect to sign in, which would drop the text; after the CSRF check.
        return session_keep.keep_text_for_sign_in(request, view_func)


def session_has_ended(session, now: int) -> bool:
    """Idle past SESSION_COOKIE_AGE, or signed in over SESSION_ABSOLUTE_SECONDS ago however active since.

    A session from before the sign-in stamp existed counts from its first request after the upgrade.
    """
    active_at = session.get(ACTIVE_AT_KEY)
    if active_at is not None and now - active_at > settings.SESSION_COOKIE_AGE:
        return True
    signed_in_at = session.setdefault(SIGNED_IN_AT_KEY, now)
    return now - signed_in_at > settings.SESSION_ABSOLUTE_SECONDS


def seconds_until_signed_out(session) -> int:
    """How long this signed-in session has left before the idle limit, or the limit from sign-in, signs it out."""
    now = int(time.time())
    active_at = session.get(ACTIVE_AT_KEY, now)
    signed_in_at = session.get(SIGNED_IN_AT_KEY, now)
    ends_at = min(active_at + settings.SESSION_COOKIE_AGE, signed_in_at + settings.SESSION_ABSOLUTE_SECONDS)
    return max(0, ends_at - now)


# Pages an unverified user may still reach: signing out, and the two-factor pages themselves.
# Views marked login_not_required (sign-in, password reset) are let through as well; static
# files never get here, as whitenoise serves them before any URL is resolved.
_OPEN_VIEWS = {"logout", "admin:logout", "two_factor_password", "two_factor_enrol", "two_factor_verify"}


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
