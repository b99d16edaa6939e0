"""Deleting a plan or a round with no progress for good (board managers only): a confirm page, then a POST."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import DetailView

from core.formats import plural
from core.outcomes import reported

from ..models import BusinessPlan, ProgressRound
from ..services import plan_deletion
from .plans import plan_crumbs, round_crumbs


class RemoveView(PermissionRequiredMixin, DetailView):
    """Confirm on GET (or say why it cannot be done), delete on POST. Not a DeleteView, for the service's checks."""

    template_name = "objectives/confirm_remove.html"
    context_object_name = "item"

    def problem(self) -> str:
        raise NotImplementedError

    def remove(self) -> None:
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        with reported(request, f"{self.label()} deleted."):
            self.remove()
            return redirect(self.get_success_url())
        return redirect(self.object.get_absolute_url())

    def label(self) -> str:
        return str(self.object)


class PlanRemoveView(RemoveView):
    permission_required = "objectives.delete_businessplan"
    queryset = BusinessPlan.objects.all()

    def get_context_data(self, **kwargs):
        plan = self.object
        goes = [
            plural(plan.aims.count(), "aim"),
            plural(plan.objectives.count(), "objective"),
            plural(plan.actions.count(), "action"),
            plural(plan.rounds.count(), "progress round"),
        ]
        return super().get_context_data(
            label=self.label(),
            problem=plan_deletion.plan_deletion_problem(plan),
            goes_with=", ".join(goes),
            breadcrumbs=plan_crumbs(plan),
            **kwargs,
        )

    def remove(self):
        plan_deletion.delete_plan(plan=self.object, by=self.request.user)

    def get_success_url(self):
        return reverse("objectives:plan_list")


class RoundRemoveView(RemoveView):
    permission_required = "objectives.delete_progressround"
    queryset = ProgressRound.objects.select_related("plan")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            label=self.label(),
            problem=plan_deletion.round_deletion_problem(self.object),
            goes_with="",
            breadcrumbs=round_crumbs(self.object),
            **kwargs,
        )

    def label(self) -> str:
        return f"{self.object.label} of {self.object.plan.title}"

    def remove(self):
        plan_deletion.delete_round(progress_round=self.object, by=self.request.user)

    def get_success_url(self):
        return self.object.plan.get_absolute_url()
