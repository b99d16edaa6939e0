"""Placeholder: the real views replace these."""

from django.http import Http404


def export_plan(request, *args, **kwargs):
    raise Http404
