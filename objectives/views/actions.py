"""Placeholder: replaced by the real views."""

from django.views.generic import View


class ActionListView(View):
    pass


class ActionCreateView(View):
    pass


class ActionDetailView(View):
    pass


class ActionUpdateView(View):
    pass
