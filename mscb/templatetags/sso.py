"""The sign-in page's single sign-on button, drawn only on a site where it is set up."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse

from mscb import sso

register = template.Library()


@register.inclusion_tag("registration/_sso_button.html")
def sso_button(next_url: str = "") -> dict:
    """The link that starts an organisation's sign-in, carrying where to go afterwards."""
    if not sso.is_configured():
        return {"start_url": None}
    query = f"?{urlencode({'next': next_url})}" if next_url else ""
    return {"start_url": f"{reverse('sso:start')}{query}", "label": settings.OIDC_BUTTON_LABEL}
