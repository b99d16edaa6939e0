"""The public pages: open to anyone, without signing in, and showing only what the board manager made public."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import condition, require_safe

from core.responses import attachment
from objectives.models import PublishedReport
from objectives.paper.files import FILE_FORMATS
from objectives.paper.snapshot import from_snapshot

from . import caching
from .documents import PUBLIC_FORMATS, download_name, public_document, public_html
from .selectors import documents_newest_first, public_state


def _plan_paper(state):
    """The current plan as its latest public committee report froze it, or None if none is public."""
    if state.plan_report is None:
        return None
    snapshot = PublishedReport.objects.only("snapshot").get(pk=state.plan_report.pk).snapshot
    try:
        return from_snapshot(snapshot)
    except ValueError:  # a snapshot of a shape this release cannot read: the page says no ratings are public
        return None


@login_not_required
@require_safe
@caching.cached_publicly
@condition(etag_func=caching.index_etag, last_modified_func=caching.index_last_modified)
def index(request):
    state = public_state(request)
    paper = _plan_paper(state)
    context = {
        "board_name": settings.BOARD_NAME,
        "profile": state.profile,
        "plan": state.plan,
        "paper": paper,
        "plan_report": state.plan_report,
        "documents": documents_newest_first(state),
    }
    return render(request, "public/index.html", context)


def _document_etag(request, kind: str, pk: int):
    try:
        return caching.document_etag(public_document(request, kind, pk))
    except Http404:
        return None


def _document_last_modified(request, kind: str, pk: int, **file_format):
    try:
        return public_document(request, kind, pk).public_since
    except Http404:
        return None


@login_not_required
@require_safe
@caching.cached_publicly
@condition(etag_func=_document_etag, last_modified_func=_document_last_modified)
def document_detail(request, kind: str, pk: int):
    document = public_document(request, kind, pk)
    stored = type(document).objects.only("html").get(pk=document.pk).html
    context = {"document": document, "kind": kind, "document_html": public_html(stored)}
    return render(request, "public/document_detail.html", context)


def _file_fields(kind: str) -> tuple[str, ...]:
    """What a file's name needs besides the document: a committee report's plan and round."""
    return ("plan__title", "round__as_of") if kind == "reports" else ()


def _file_etag(request, kind: str, pk: int, file_format: str):
    if file_format not in PUBLIC_FORMATS:
        return None
    try:
        return getattr(public_document(request, kind, pk, *_file_fields(kind)), f"{file_format}_sha256")
    except Http404:
        return None


@login_not_required
@require_safe
@caching.cached_publicly
@condition(etag_func=_file_etag, last_modified_func=_document_last_modified)
def document_file(request, kind: str, pk: int, file_format: str):
    if file_format not in PUBLIC_FORMATS:
        raise Http404
    document = public_document(request, kind, pk, *_file_fields(kind))
    content = bytes(getattr(type(document).objects.only(file_format).get(pk=document.pk), file_format))
    chosen = FILE_FORMATS[file_format]
    return attachment(content, name=download_name(document, file_format), content_type=chosen.content_type)
