"""Password reset, limited: so many requests an hour from one address and for one e-mail address.

The address limit shows a page saying to wait, which says nothing about any account. The per-account
limit shows the usual "if that address belongs to an account, we have sent it a link" page and sends
nothing, so whether the account exists stays as hidden as it is without a limit.
"""

from datetime import timedelta
from http import HTTPStatus

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.tokens import PasswordResetTokenGenerator, default_token_generator
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone

from mscb.lockout import client_ip_address
from mscb.models import PasswordResetRequest

WINDOW = timedelta(hours=1)


def limit_reached(*, ip_address: str, email: str) -> str | None:
    """ "address" or "account" when that limit on requests in the last hour is reached, else None."""
    recent = PasswordResetRequest.objects.filter(requested_at__gt=timezone.now() - WINDOW)
    if recent.filter(ip_address=ip_address).count() >= settings.PASSWORD_RESET_LIMIT_PER_ADDRESS:
        return "address"
    if recent.filter(email=email.lower()).count() >= settings.PASSWORD_RESET_LIMIT_PER_ACCOUNT:
        return "account"
    return None


def record_request(*, ip_address: str, email: str) -> None:
    """Count this request, and forget those older than the hour: they count for nothing any more."""
    PasswordResetRequest.objects.filter(requested_at__lte=timezone.now() - WINDOW).delete()
    PasswordResetRequest.objects.create(ip_address=ip_address, email=email.lower())


class LimitedPasswordResetView(auth_views.PasswordResetView):
    """Django's reset request page, with the board's name for the e-mail and the limits above."""

    extra_email_context = {"board_name": settings.BOARD_NAME}

    def form_valid(self, form):
        ip_address = client_ip_address(self.request)
        email = form.cleaned_data["email"]
        reached = limit_reached(ip_address=ip_address, email=email)
        if reached == "address":
            return render(self.request, "registration/password_reset_paused.html", status=HTTPStatus.TOO_MANY_REQUESTS)
        if reached == "account":
            return HttpResponseRedirect(self.get_success_url())
        record_request(ip_address=ip_address, email=email)
        return super().form_valid(form)


class _InvitationClock(PasswordResetTokenGenerator):
    """Reads a token's age as INVITATION_LINK_SECONDS allows rather than PASSWORD_RESET_TIMEOUT."""

    def _now(self):
        return super()._now() - timedelta(seconds=settings.INVITATION_LINK_SECONDS - settings.PASSWORD_RESET_TIMEOUT)


class ResetOrInvitationTokens(PasswordResetTokenGenerator):
    """A reset link works for PASSWORD_RESET_TIMEOUT; an invitation (objectives.services.people) for longer.

    Both use the same confirmation page. A person who has never set a password cannot be sent a reset
    link (Django's reset form skips unusable passwords), so their link can only be an invitation.
    """

    def check_token(self, user, token):
        if user is not None and not user.has_usable_password():
            return _InvitationClock().check_token(user, token)
        return default_token_generator.check_token(user, token)
