"""Every page a user can reach by following links, one per URL pattern: one page per pattern is every page's
template and view without visiting all 200 actions.

Found with Django's test client, or by the browser itself where it visits every page it finds anyway (a page
rendered once rather than twice: the every-page test's crawl took a third of its time).
"""

import html
import re
from collections import deque
from urllib.parse import urldefrag, urljoin, urlsplit

from django.test import Client
from django.urls import Resolver404, resolve
from playwright.sync_api import Error, Page

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


def _browser_path(page: Page) -> str:
    parts = urlsplit(page.url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def visit_pages_reachable(page: Page, base_url: str, check, start: str = "/", limit: int = 400) -> dict[str, list]:
    """pages_reachable_by's pages (not the admin's), found by the signed-in browser: check(page, url) on each.

    Each page's links are read from the HTML the server sent, as the test client's crawl reads them. A link to a
    download is not a page (the browser refuses to open it as one); a server error is a problem on its own.
    """
    queue, seen_patterns, problems = deque([start]), set(), {}
    while queue and len(problems) < limit:
        url = queue.popleft()
        path = urlsplit(url).path
        pattern = None if path.startswith("/admin/") else _pattern(path)
        if pattern is None or pattern in seen_patterns:
            continue
        seen_patterns.add(pattern)
        try:
            response = page.goto(base_url + url)
        except Error:
            continue
        if response is None:
            continue
        if response.status >= 500:
            problems[url] = [f"server error {response.status}"]
            continue
        if response.status != 200 or not response.headers.get("content-type", "").startswith("text/html"):
            continue
        final = _browser_path(page)
        seen_patterns.add(_pattern(urlsplit(final).path))
        queue.extend(_links(final, response.text()))
        problems[final] = check(page, final)
    return problems
