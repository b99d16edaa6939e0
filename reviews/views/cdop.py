"""Stub: replaced by the real views."""

from django.http import Http404
from django.views import View


class CdopYearListView(View):
    def get(self, request, *args, **kwargs):
        raise Http404


class CdopYearCreateView(View):
    def get(self, request, *args, **kwargs):
        raise Http404


class CdopYearDetailView(View):
    def get(self, request, *args, **kwargs):
        raise Http404


class CdopYearUpdateView(View):
    def get(self, request, *args, **kwargs):
        raise Http404


class CdopActionCreateView(View):
    def get(self, request, *args, **kwargs):
        raise Http404
