"""Stub: replaced by the real views."""

from django.http import Http404
from django.views import View


class ReviewListView(View):
    def get(self, request, *args, **kwargs):
        raise Http404


class ReviewCreateView(View):
    def get(self, request, *args, **kwargs):
        raise Http404


class ReviewDetailView(View):
    def get(self, request, *args, **kwargs):
        raise Http404


class ReviewUpdateView(View):
    def get(self, request, *args, **kwargs):
        raise Http404
