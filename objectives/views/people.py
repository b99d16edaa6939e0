"""Placeholder: the real views replace these."""

from django.http import Http404
from django.views.generic import View


class PersonListView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404


class PersonCreateView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404


class PersonUpdateView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404


def deactivate_person(request, *args, **kwargs):
    raise Http404


def reactivate_person(request, *args, **kwargs):
    raise Http404
