"""Placeholder: replaced by the real views."""

from django.views.generic import View


class PlanListView(View):
    pass


class PlanCreateView(View):
    pass


class PlanDetailView(View):
    pass


class PlanUpdateView(View):
    pass


class AimCreateView(View):
    pass


class AimUpdateView(View):
    pass


class ObjectiveCreateView(View):
    pass


class ObjectiveUpdateView(View):
    pass


class RoundCreateView(View):
    pass


class RoundUpdateView(View):
    pass
