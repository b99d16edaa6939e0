"""The e-mail telling someone an authenticator app was added to their account.

Sent through the logged e-mail queue (objectives.notifications.sending), so it shows in the board
manager's e-mail log like every other e-mail, and a broken mail server never stops the sign-in.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from objectives.models import EmailKind
from objectives.notifications import sending


def send_app_added_notice(user) -> None:
    """Tell `user` that an app now signs them in, and what to do if they did not add it."""
    if not user.email:
        return
    context = {"user": user, "board_name": settings.BOARD_NAME, "added_at": timezone.localtime()}
    sending.queue(
        recipient=user,
        kind=EmailKind.TWO_FACTOR_ADDED,
        subject=f"{settings.BOARD_NAME}: an authenticator app was added to your account",
        body=render_to_string("registration/two_factor_added_email.txt", context),
    )
