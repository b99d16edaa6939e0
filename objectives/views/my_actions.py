"""Placeholder: the real views replace these."""

from django.http import Http404
from django.views.generic import View


class MyActionsView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404
