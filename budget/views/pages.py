"""The budget's two reading pages: every plan year's totals, and one year's contributions and spend."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from core.views import Crumbs, trail
from objectives.models import BusinessPlan

from ..figures import figures_for
from ..selectors import budget_for, plans_with_totals

VIEW_PERMISSION = "budget.view_partnercontribution"
INDEX_LABEL = "Budget"


def plan_crumbs(plan: BusinessPlan) -> Crumbs:
    """The trail down to a plan year's budget page, for the pages under it."""
    return [*trail(INDEX_LABEL, "budget:index"), (f"Budget {plan.title}", plan_budget_url(plan))]


def plan_budget_url(plan: BusinessPlan) -> str:
    return reverse("budget:plan_budget", args=[plan.pk])


class BudgetIndexView(PermissionRequiredMixin, TemplateView):
    permission_required = VIEW_PERMISSION
    template_name = "budget/index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, plans=plans_with_totals())


class PlanBudgetView(PermissionRequiredMixin, TemplateView):
    """The year's money: contributions by agency, spend by heading, totals and the balance."""

    permission_required = VIEW_PERMISSION
    template_name = "budget/plan_budget.html"

    # Looked up after the permission check, so a refused visitor learns nothing about the plan.
    @cached_property
    def plan(self) -> BusinessPlan:
        return get_object_or_404(BusinessPlan, pk=self.kwargs["plan_pk"])

    def get_context_data(self, **kwargs):
        budget = budget_for(self.plan)
        figures = figures_for(budget)
        user = self.request.user
        if user.has_perm("budget.change_partnercontribution"):
            for row, contribution in zip(figures["contributions"], budget.contributions, strict=True):
                row["edit_url"] = reverse("budget:contribution_update", args=[contribution.pk])
        if user.has_perm("budget.change_spendline"):
            for row, line in zip(figures["spend_lines"], budget.spend_lines, strict=True):
                row["edit_url"] = reverse("budget:spend_line_update", args=[line.pk])
        return super().get_context_data(
            **kwargs,
            plan=self.plan,
            figures=figures,
            breadcrumbs=trail(INDEX_LABEL, "budget:index"),
        )
