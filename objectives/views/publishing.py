"""Placeholder: the real views replace these."""

from django.http import Http404
from django.views.generic import View


class PublishedReportListView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404


class PublishedReportDetailView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404


def publish_report(request, *args, **kwargs):
    raise Http404


def published_file(request, *args, **kwargs):
    raise Http404
