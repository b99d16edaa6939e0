"""The password typed again, and how recently: setting up an authenticator app asks for it (mscb.two_factor).

Someone who finds a signed-in browser, or who holds only the session, must not add an app of their own,
and must not even see the secret a new app would be given. The password goes through Django's
authenticate(), so django-axes counts a wrong one as a failed sign-in and pauses it as it pauses sign-in.
"""

import time

from django.conf import settings
from django.contrib.auth import authenticate

# When the signed-in user last typed their password again (seconds since the epoch).
CONFIRMED_AT_KEY = "mscb_password_confirmed_at"


def confirm_password(request, password: str) -> bool:
    """Whether `password` is the signed-in user's; if so, note the time in the session."""
    user = request.user
    checked = authenticate(request, username=user.get_username(), password=password)
    if checked is None or checked.pk != user.pk:
        return False
    request.session[CONFIRMED_AT_KEY] = int(time.time())
    return True


def password_is_fresh(session) -> bool:
    """Whether the password was typed again within TWO_FACTOR_PASSWORD_FRESH_SECONDS."""
    confirmed_at = session.get(CONFIRMED_AT_KEY)
    return confirmed_at is not None and time.time() - confirmed_at <= settings.TWO_FACTOR_PASSWORD_FRESH_SECONDS


def forget_confirmation(session) -> None:
    """Once used, the typed password allows nothing more."""
    session.pop(CONFIRMED_AT_KEY, None)
