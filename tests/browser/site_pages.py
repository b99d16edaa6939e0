"""Every page a user can reach by following links, one per URL pattern, found with Django's test client.

The browser then visits each once: crawling with the test client takes a second where the browser would take
minutes, and one page per pattern is every page's template and view without visiting all 200 actions.
"""

import html
import re
from collections import deque
from urllib.parse import urldefrag, urljoin, urlsplit

from django.test import Client
from django.urls import Resolver404, resolve

from objectives.models import BusinessPlan

_HREF = re.compile(r'href="([^"]*)"')
# Not pages: files the site serves and the links that sign out or download.
_SKIPPED_PREFIXES = ("/static/", "/ratings.css", "/accounts/logout")


def _links(page_url: str, body: str) -> list[str]:
    found = []
    for href in _HREF.findall(body):
        url = urldefrag(urljoin(page_url, html.unescape(href)))[0]
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue
        if not parts.path.startswith(_SKIPPED_PREFIXES):
            found.append(url)
    return found


def _pattern(path: str) -> str | None:
    """The page's URL pattern; for a plan's pages, with the plan's shape, since each shape draws them differently."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    pattern = f"{match.view_name}:{match.route}"
    if match.route.startswith("plans/<int:"):
        plan_pk = match.kwargs.get("plan_pk", match.kwargs.get("pk"))
        pattern += f":{BusinessPlan.objects.filter(pk=plan_pk).values_list('shape', flat=True).first()}"
    return pattern


def pages_reachable_by(user, start: str = "/", within: str = "/", limit: int = 400) -> list[str]:
    """The first URL found for each URL pattern whose page (HTML, 200) the user reaches from `start`.

    Only paths under `within` are followed, so the admin's pages and the app's are checked apart.
    """
    client = Client()
    client.force_login(user)
    queue, seen_patterns, pages = deque([start]), set(), []
    while queue and len(pages) < limit:
        url = queue.popleft()
        path = urlsplit(url).path
        if not path.startswith(within) or (within == "/" and path.startswith("/admin/")):
            continue
        pattern = _pattern(path)
        if pattern is None or pattern in seen_patterns:
            continue
        seen_patterns.add(pattern)
        response = client.get(url, follow=True)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        final = response.request["PATH_INFO"] + (
            f"?{response.request['QUERY_STRING']}" if response.request.get("QUERY_STRING") else ""
        )
        seen_patterns.add(_pattern(response.request["PATH_INFO"]))
        pages.append(final)
        queue.extend(_links(final, response.content.decode()))
    return pages
