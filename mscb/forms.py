import re

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError


class CodeForm(forms.Form):
    """The 6-digit code from an authenticator app; spaces are allowed, as apps show '123 456'."""

    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="6 digits, for example 123456.",
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not re.fullmatch(r"[0-9]{6}", code):
            raise ValidationError("Enter the 6 digits your authenticator app shows, for example 123456.")
        return code


class SignInForm(AuthenticationForm):
    """Django's sign-in form, but the username matches whatever its case: invited people sign in with their e-mail."""

    def clean(self):
        typed = self.cleaned_data.get("username")
        if typed:
            stored = get_user_model().objects.filter(username__iexact=typed.strip()).values_list("username", flat=True)
            # Only when exactly one account matches, so two usernames differing in case never collide.
            if len(stored) == 1:
                self.cleaned_data["username"] = stored[0]
        return super().clean()


class PasswordAgainForm(forms.Form):
    """The signed-in person's password, typed again before a change that matters (setting up an authenticator app)."""

    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
