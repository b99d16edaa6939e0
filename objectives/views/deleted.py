"""Placeholder: the real views replace these."""

from django.http import Http404
from django.views.generic import View


class DeletedListView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404


class AimDeleteView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404


class ObjectiveDeleteView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404


class ActionDeleteView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404


def restore_aim(request, *args, **kwargs):
    raise Http404


def restore_objective(request, *args, **kwargs):
    raise Http404


def restore_action(request, *args, **kwargs):
    raise Http404
