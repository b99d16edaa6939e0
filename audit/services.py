"""Writing the security log: one row in the database and one JSON line on the console for each event,
and the purge of rows past SECURITY_LOG_RETENTION_DAYS.

The address comes from mscb.lockout.client_ip_address, the same rule django-axes counts by, so a trusted
proxy's X-Forwarded-For is read in one place only.
"""

import ipaddress
import json
import logging
from datetime import date

from django.conf import settings
from django.urls import Resolver404, resolve
from simple_history.models import HistoricalRecords

from mscb.lockout import client_ip_address
from mscb.retention.rules import days_before

from .models import SecurityEvent

logger = logging.getLogger("mscb.security")
Kind = SecurityEvent.Kind
FIELD_LENGTH = 500


def current_request():
    """The request being answered on this thread, if any (simple-history's middleware keeps it): who did it."""
    return getattr(HistoricalRecords.context, "request", None)


def signed_in(request):
    """The signed-in user of the request, or None."""
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def _address(request) -> str | None:
    try:
        return str(ipaddress.ip_address(client_ip_address(request)))
    except ValueError:
        return None


def _safe_path(request) -> str:
    """The path without its query, and with a password-reset link's token blanked: the log must hold no secret."""
    path = request.path
    try:
        token = resolve(request.path_info).kwargs.get("token")
    except Resolver404:
        token = None
    if token:
        path = path.replace(token, "[token]")
    return path[:FIELD_LENGTH]


def record_event(*, kind: str, request=None, user=None, username: str = "", detail: str = "") -> SecurityEvent:
    """Log one event: in the database for managers to read, and as one JSON line for the server's log."""
    request = request if request is not None else current_request()
    user = user or signed_in(request)
    event = SecurityEvent(
        kind=kind,
        user=user,
        username=(username or (user.get_username() if user else ""))[:254],
        detail=detail[:FIELD_LENGTH],
    )
    if request is not None:
        event.address = _address(request)
        event.path = _safe_path(request)
        event.method = request.method or ""
    event.save()
    logger.info(log_line(event))
    return event


def log_line(event: SecurityEvent) -> str:
    """The event as one line of JSON: json.dumps escapes newlines, so nothing typed can forge another line."""
    return json.dumps(
        {
            "time": event.happened_at.isoformat(),
            "kind": event.kind,
            "username": event.username,
            "user_id": event.user_id,
            "address": event.address,
            "method": event.method,
            "path": event.path,
            "detail": event.detail,
        },
        ensure_ascii=False,
    )


def purge_security_log(*, today: date) -> int:
    """Delete the rows older than SECURITY_LOG_RETENTION_DAYS whole days (London time); returns how many."""
    cutoff = days_before(today, settings.SECURITY_LOG_RETENTION_DAYS)
    # QuerySet.delete() bypasses SecurityEvent.delete(), which refuses: this is the one way rows go.
    deleted, _ = SecurityEvent.objects.filter(happened_at__lt=cutoff).delete()
    return deleted


def describe_user(person) -> str:
    """A person by reference in a log line: their id and username, nothing more."""
    return f"user {person.pk} ({person.get_username()})"


def record_two_factor_failure(user) -> None:
    """A wrong (or throttled) two-factor code: who, from where; never the code typed."""
    record_event(kind=Kind.TWO_FACTOR_FAILED, user=user)
