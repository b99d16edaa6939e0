"""How django-axes sees a sign-in attempt: the address it came from, and the page a lockout shows."""

import ipaddress
from http import HTTPStatus

from axes.helpers import get_cool_off
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def client_ip_address(request: HttpRequest) -> str:
    """The connecting address, or behind N trusted proxies the one the outermost proxy saw.

    Each proxy appends the address it received the request from to X-Forwarded-For, so the
    N-th entry from the right is the last one a trusted proxy wrote; anything further left came
    from the client and could be made up. With no proxies configured the header is ignored.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxy_count = settings.AXES_IPWARE_PROXY_COUNT
    if not proxy_count:
        return remote_addr
    forwarded = [part.strip() for part in request.headers.get("x-forwarded-for", "").split(",") if part.strip()]
    if len(forwarded) < proxy_count:
        return remote_addr
    try:
        return str(ipaddress.ip_address(forwarded[-proxy_count]))
    except ValueError:
        return remote_addr


def username_for_lockout(request: HttpRequest, credentials: dict | None) -> str | None:
    """The username the lockout counts against, in lower case as sign-in matches it."""
    username = (credentials or {}).get("username") or request.POST.get("username")
    return username.strip().lower() if username else None


def lockout_response(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """The page shown instead of signing in once the limit is reached: says how long to wait, and nothing else."""
    minutes = int(get_cool_off(request).total_seconds() // 60)
    return render(request, "registration/lockout.html", {"minutes": minutes}, status=HTTPStatus.TOO_MANY_REQUESTS)
