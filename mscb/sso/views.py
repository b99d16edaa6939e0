"""The two steps of an organisation's sign-in: off to the provider, and back with a code.

Both are open while signed out. Whatever goes wrong on the way back (a used or forged link, a token
that does not check out, a provider that cannot be reached, no matching account) ends on the
sign-in page with a sentence saying so, never an error page.
"""

import logging
from functools import wraps

import jwt
import requests
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import redirect
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from mscb import sso
from mscb.sso import two_factor
from mscb.sso.backend import SignInRefused

logger = logging.getLogger(__name__)

START_AGAIN = "That sign-in link has already been used or has expired. Start again with the button below."
NOT_COMPLETED = "Signing in with your organisation's account was cancelled or did not finish. Try again."
UNREACHABLE = (
    "Your organisation's sign-in service could not be reached or gave an answer that could not be checked. "
    "Try again in a few minutes, or sign in with your password."
)


def configured_only(view):
    """Open while signed out, and missing (404) on a site without single sign-on."""

    @login_not_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not sso.is_configured():
            raise Http404("Single sign-on is not set up on this site.")
        return view(request, *args, **kwargs)

    return wrapped


class FinishSignInView(OIDCAuthenticationCallbackView):
    def get(self, request):
        try:
            return super().get(request)
        except SignInRefused as refusal:
            return self.refuse(str(refusal))
        except SuspiciousOperation as problem:
            # The library's state, nonce and signature checks, and the backend's audience check.
            return self.refuse(START_AGAIN, problem)
        except (requests.RequestException, jwt.PyJWTError) as problem:
            return self.refuse(UNREACHABLE, problem)

    def login_failure(self):
        if getattr(self.request, "axes_locked_out", False):
            # django-axes refused the address; its middleware shows the lockout page instead of this redirect.
            return redirect("login")
        # The provider answered with an error (cancelled, refused), or this browser never started a sign-in.
        return self.refuse(NOT_COMPLETED, self.request.GET.get("error", "no sign-in started in this session"))

    def login_success(self):
        response = super().login_success()
        two_factor.remember(self.request.session, self.user, multi_factor=self.user.provider_did_multi_factor)
        return response

    def refuse(self, message: str, problem=None):
        logger.warning("Single sign-on refused: %s%s", message, f" ({problem})" if problem else "")
        messages.error(self.request, message)
        return redirect("login")


start_sign_in = configured_only(OIDCAuthenticationRequestView.as_view())
finish_sign_in = configured_only(FinishSignInView.as_view())
