"""Placeholder: the real views replace these."""

from django.http import Http404
from django.views.generic import View


class RoundDetailView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404


def close_round(request, *args, **kwargs):
    raise Http404


def reopen_round(request, *args, **kwargs):
    raise Http404


def remind_agency(request, *args, **kwargs):
    raise Http404
