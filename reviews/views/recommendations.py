"""Stub: replaced by the real views."""

from django.http import Http404
from django.views import View


class RecommendationCreateView(View):
    def get(self, request, *args, **kwargs):
        raise Http404


class RecommendationUpdateView(View):
    def get(self, request, *args, **kwargs):
        raise Http404


class RecommendationActionCreateView(View):
    def get(self, request, *args, **kwargs):
        raise Http404
