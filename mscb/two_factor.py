"""Two-factor sign-in pages: set up an authenticator app once, then enter its code at each sign-in.

An unverified user gets here from mscb.middleware.TwoFactorRequiredMiddleware. Someone who
has only the password must never add an app of their own, so setting up is refused to anyone
who already has a confirmed one; the site admin deletes it in the admin to start again. Setting
up asks for the password again first (mscb.fresh_password), and e-mails the person once an app
is added, so an app added by someone else does not go unnoticed.
"""

import math
from base64 import b32encode
from urllib.parse import urlencode

import django_otp
import segno
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import FormView
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.services import record_two_factor_failure
from core.formats import plural
from mscb import fresh_password
from mscb.forms import CodeForm, PasswordAgainForm
from mscb.two_factor_notice import send_app_added_notice

WRONG_CODE = (
    "That code is not right. Enter the code your app shows now; "
    "if it keeps failing, check that your phone sets its time automatically."
)


def confirmed_devices(user):
    """The user's confirmed authenticator apps."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True)


def readable_key(device: TOTPDevice) -> str:
    """The secret as the base32 text apps accept, in groups of four for typing."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[start : start + 4] for start in range(0, len(key), 4))


def wait_message(device: TOTPDevice) -> str | None:
    """What to tell someone whose app django-otp is throttling after wrong codes, or None."""
    allowed, details = device.verify_is_allowed()
    if allowed:
        return None
    seconds = max(1, math.ceil((details["locked_until"] - timezone.now()).total_seconds()))
    if seconds > 60 * 60:
        return "There have been too many wrong codes. Ask the site administrator to reset your two-factor sign-in."
    wait = plural(seconds, "second") if seconds < 60 else plural(math.ceil(seconds / 60), "minute")
    # django-otp doubles the wait after each wrong code, which is what stops guessing.
    return f"Wait {wait} before entering another code: each wrong code makes the wait longer."


def check_code(user, devices: list[TOTPDevice], code: str) -> tuple[TOTPDevice | None, str | None]:
    """The user's device that accepts the code, or the message to show instead."""
    waits = []
    for device in devices:
        wait = wait_message(device)
        if wait:
            waits.append(wait)
            continue
        verified = django_otp.verify_token(user, device.persistent_id, code)
        if verified is not None:
            return verified, None
    record_two_factor_failure(user)
    return None, (waits[0] if waits and len(waits) == len(devices) else WRONG_CODE)


class _TwoFactorStep(FormView):
    form_class = CodeForm

    def next_url(self) -> str:
        url = self.request.POST.get("next") or self.request.GET.get("next", "")
        safe = url_has_allowed_host_and_scheme(
            url, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        )
        return url if safe else resolve_url(settings.LOGIN_REDIRECT_URL)

    def with_next(self, url_name: str) -> str:
        return f"{reverse(url_name)}?{urlencode({'next': self.next_url()})}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=self.next_url(), **kwargs)

    def form_valid(self, form):
        device, error = check_code(self.request.user, self.devices(), form.cleaned_data["code"])
        if device is None:
            form.add_error("code", error)
            return self.form_invalid(form)
        self.accepted(device)
        django_otp.login(self.request, device)
        # A new session key once the second factor is in, as Django does after the password.
        self.request.session.cycle_key()
        return redirect(self.next_url())

    def accepted(self, device):
        """Hook: the code was right, just before the session is marked verified."""


class EnrolView(_TwoFactorStep):
    template_name = "registration/two_factor_enrol.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_verified():
            return redirect(self.next_url())
        if confirmed_devices(request.user).exists():
            return redirect(self.with_next("two_factor_verify"))
        if not fresh_password.password_is_fresh(request.session):
            return redirect(self.with_next("two_factor_password"))
        # The same secret until it is confirmed, so reloading the page keeps the app's entry valid.
        self.device = TOTPDevice.objects.devices_for_user(request.user, confirmed=False).order_by("pk").first()
        if self.device is None:
            self.device = TOTPDevice.objects.create(user=request.user, name="Authenticator app", confirmed=False)
        return super().dispatch(request, *args, **kwargs)

    def devices(self):
        return [self.device]

    def get_context_data(self, **kwargs):
        qr_code = segno.make_qr(self.device.config_url)
        width, height = qr_code.symbol_size(scale=4)
        return super().get_context_data(
            key=readable_key(self.device),
            qr_code=qr_code.svg_data_uri(scale=4, light="#fff"),
            qr_width=width,
            qr_height=height,
            **kwargs,
        )

    def accepted(self, device):
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        fresh_password.forget_confirmation(self.request.session)
        send_app_added_notice(self.request.user)
        messages.success(self.request, "Two-factor sign-in is set up. From now on you will enter a code from your app.")


class PasswordAgainView(_TwoFactorStep):
    """Before setting up an app: the password again, counted by django-axes as a sign-in attempt."""

    form_class = PasswordAgainForm
    template_name = "registration/two_factor_password.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_verified():
            return redirect(self.next_url())
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        if not fresh_password.confirm_password(self.request, form.cleaned_data["password"]):
            form.add_error("password", "That password is not right. Enter the password you signed in with.")
            return self.form_invalid(form)
        return redirect(self.with_next("two_factor_enrol"))


class VerifyView(_TwoFactorStep):
    template_name = "registration/two_factor_verify.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_verified():
            return redirect(self.next_url())
        self.confirmed = list(confirmed_devices(request.user))
        if not self.confirmed:
            return redirect(self.with_next("two_factor_enrol"))
        return super().dispatch(request, *args, **kwargs)

    def devices(self):
        return self.confirmed
