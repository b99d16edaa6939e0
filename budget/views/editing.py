"""What the contribution and spend-line pages share: the plan from the address, the trail back, the delete page."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from objectives.models import BusinessPlan

from .pages import plan_budget_url, plan_crumbs


class PlanFromAddressMixin:
    """A new row's page: the plan year is the one in the address, and unknown ones are 404."""

    # Looked up after the permission check, so a refused visitor learns nothing about the plan.
    @cached_property
    def plan(self) -> BusinessPlan:
        return get_object_or_404(BusinessPlan, pk=self.kwargs["plan_pk"])


class BudgetFormMixin:
    """The breadcrumbs and the way back of every budget form: the plan year's budget page."""

    def row_plan(self) -> BusinessPlan:
        return self.object.plan if getattr(self, "object", None) else self.plan

    def get_breadcrumbs(self):
        return plan_crumbs(self.row_plan())

    def get_success_url(self):
        return plan_budget_url(self.row_plan())


class ConfirmDeleteView(TemplateView):
    """Asks first, then deletes through `delete` on POST; the history keeps the deleted row for the admin."""

    template_name = "budget/confirm_delete.html"
    queryset = None
    noun = ""

    # Looked up after the permission check, so a refused visitor learns nothing about the row.
    @cached_property
    def row(self):
        return get_object_or_404(self.queryset, pk=self.kwargs["pk"])

    def delete(self, row) -> None:
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **kwargs,
            row=self.row,
            noun=self.noun,
            breadcrumbs=plan_crumbs(self.row.plan),
            cancel_url=plan_budget_url(self.row.plan),
        )

    def post(self, request, pk):
        name, plan = str(self.row), self.row.plan
        self.delete(self.row)
        messages.success(request, f"Deleted: {name}.")
        return redirect(plan_budget_url(plan))
