"""Stub: replaced by the real views."""

from django.http import Http404
from django.views import View


class ReviewImportUploadView(View):
    def get(self, request, *args, **kwargs):
        raise Http404


class ReviewImportConfirmView(View):
    def get(self, request, *args, **kwargs):
        raise Http404
