"""System checks for `manage.py check --deploy`: settings the site runs with but should not in production."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def two_factor_required(app_configs, **kwargs):
    """With DEBUG off, MFA_REQUIRED=false lets anyone with a password in: say so rather than pass silently."""
    if settings.DEBUG or settings.MFA_REQUIRED:
        return []
    return [
        Warning(
            "Two-factor sign-in is off (MFA_REQUIRED=false) on a production site.",
            hint="Unset MFA_REQUIRED, or set it to true, so everyone signs in with an authenticator app as well.",
            id="mscb.W001",
        )
    ]
