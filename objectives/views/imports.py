"""Placeholder: the real views replace these."""

from django.http import Http404
from django.views.generic import View


class ImportUploadView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404


class ImportConfirmView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404
