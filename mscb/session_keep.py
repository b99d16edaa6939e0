"""Nothing typed is lost to an ended session: who was last signed in here, and keeping a form's text for them.

When a session ends the browser usually drops its cookie too (both last SESSION_COOKIE_AGE from the last
activity), so the request that brings the text says nothing of who wrote it. A signed cookie, set whenever
someone signs in, remembers that; the text is kept for that person only, and put back only to them
(core.kept_text), so on a shared computer the next person to sign in never sees it. Without the cookie
(cleared, or from before this existed) nobody can be told apart, so nothing is kept: the person is sent to
sign in as before, which loses the text, rather than risk showing it to someone else.
"""

from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth.views import redirect_to_login

from core import kept_text

SIGNED_IN_AS_COOKIE = "mscb_signed_in_as"
_SALT = "mscb.session_keep.signed_in_as"
KEPT_MESSAGE = (
    "You were signed out for your security before your changes were saved. "
    "Sign in again and what you wrote will be put back in the form."
)


def signed_in_as(request) -> str | None:
    """The id of the person last signed in on this browser, if the cookie is there and genuine."""
    return request.get_signed_cookie(SIGNED_IN_AS_COOKIE, default=None, salt=_SALT)


def remember_who_is_signed_in(request, response) -> None:
    """After a response for a signed-in session, make sure the cookie names its person (a write only on change).

    A browser-session cookie: it must outlast the idle session, and the browser closing ends both.
    """
    user_id = request.session.get(auth.SESSION_KEY)
    if user_id is None or signed_in_as(request) == str(user_id):
        return
    response.set_signed_cookie(
        SIGNED_IN_AS_COOKIE,
        str(user_id),
        salt=_SALT,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def keep_text_for_sign_in(request, view_func):
    """A POST to a page that keeps its text, sent signed out: keep the text and send them to sign in.

    None (and Django's usual sign-in redirect) for anything else, or when nobody is known to give it back to.
    """
    if request.method != "POST" or request.user.is_authenticated or not kept_text.keeps_typed_text(view_func):
        return None
    owner_id = signed_in_as(request)
    if owner_id is None:
        return None
    kept_text.keep_posted_text(request, owner_id=owner_id)
    messages.info(request, KEPT_MESSAGE)
    return redirect_to_login(request.get_full_path())
