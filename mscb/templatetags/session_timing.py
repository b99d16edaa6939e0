"""The idle-session warning's timings, from the server, for static/js/session.js to count down."""

from django import template
from django.conf import settings

from mscb.middleware import seconds_until_signed_out

register = template.Library()


@register.simple_tag(takes_context=True)
def session_timing(context) -> dict:
    """Seconds this session has left, the full idle time a "Stay signed in" restores, and the warning's lead."""
    # A page drawn without its request (the error pages) has no session to read: the whole idle time, then.
    request = context.get("request")
    return {
        "seconds_left": seconds_until_signed_out(request.session) if request else settings.SESSION_COOKIE_AGE,
        "idle_seconds": settings.SESSION_COOKIE_AGE,
        "warning_seconds": settings.SESSION_WARNING_SECONDS,
    }
