"""Conditional GET for the public pages: ETags and Last-Modified worked out from a few small reads, and how
long a browser or proxy may keep a page.

There is deliberately no server-side cache of these pages or files: each request reads what is public now,
so a document the board manager withdraws answers 404 from the very next request. Browsers and proxies may
keep a page for MAX_AGE seconds, and after that must ask again (and get a 304 if nothing changed).
"""

import hashlib
from datetime import datetime, time
from functools import wraps

from django.db.models import Max
from django.utils import timezone
from django.utils.cache import patch_cache_control

from mscb.models import PublishedYearlyReport
from objectives.models import PublishedReport

from .selectors import public_state

MAX_AGE = 300


def _fingerprint(*parts) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def index_etag(request) -> str:
    """Changes with the words, the current plan, and which documents are public (and since when, and how)."""
    state = public_state(request)
    profile = state.profile and (state.profile.pk, state.profile.updated_at)
    plan = state.plan and (state.plan.pk, state.plan.title, state.plan.starts_on, state.plan.ends_on)
    reports = [(report.pk, report.public_since, report.progress_is_public) for report in state.reports]
    yearly = [(report.pk, report.public_since) for report in state.yearly_reports]
    return _fingerprint("public-index", 1, state.today, profile, plan, reports, yearly)


def index_last_modified(request) -> datetime:
    """The latest of: the start of today (the current plan turns over at midnight), the words' last save, and the
    last change recorded to either kind of published document (a withdrawal included, which public_since alone
    would not show)."""
    state = public_state(request)
    moments = [timezone.make_aware(datetime.combine(state.today, time.min))]
    if state.profile:
        moments.append(state.profile.updated_at)
    for model in (PublishedReport, PublishedYearlyReport):
        moments.append(model.history.aggregate(latest=Max("history_date"))["latest"])
    return max(moment for moment in moments if moment is not None)


def document_etag(document) -> str | None:
    """A public document's page: its identity, when it was made public and its files' fingerprints."""
    if document is None:
        return None
    files = (document.pdf_sha256, document.docx_sha256)
    return _fingerprint("public-document", document.pk, document.public_since, files)


def cached_publicly(view):
    """Let browsers and proxies keep the page or file for MAX_AGE seconds; private to a signed-in visitor,
    whose response may carry their session cookie."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code in (200, 304):
            if request.user.is_authenticated:
                patch_cache_control(response, private=True, max_age=MAX_AGE)
            else:
                patch_cache_control(response, public=True, max_age=MAX_AGE)
        return response

    return wrapped
