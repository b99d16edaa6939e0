"""The board manager adds, edits and deletes a heading of a plan year's spend."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.urls import reverse
from django.views.generic import CreateView, UpdateView

from core.views import FormPageMixin, VersionedSaveMixin

from .. import services
from ..forms import SpendLineForm
from ..models import SpendLine
from .editing import BudgetFormMixin, ConfirmDeleteView, PlanFromAddressMixin


class SpendLineFormMixin(BudgetFormMixin, VersionedSaveMixin, FormPageMixin):
    form_class = SpendLineForm
    conflict_noun = "this spend heading"
    conflict_template = "budget/_spend_line_saved.html"

    def save_form(self, form):
        return services.save_spend_line(line=form.instance, expected_version=form.cleaned_data["version"])


class SpendLineCreateView(PermissionRequiredMixin, PlanFromAddressMixin, SpendLineFormMixin, CreateView):
    permission_required = "budget.add_spendline"
    submit_label = "Add spend heading"
    success_message = "Added: {object}."

    def get_heading(self):
        return f"Add a spend heading for {self.plan.title}"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": SpendLine(plan=self.plan)}


class SpendLineUpdateView(PermissionRequiredMixin, SpendLineFormMixin, UpdateView):
    permission_required = "budget.change_spendline"
    queryset = SpendLine.objects.select_related("plan")
    success_message = "Saved: {object}."

    def get_heading(self):
        return f"Edit the spend heading {self.object.heading} for {self.object.plan.title}"

    def get_delete_url(self):
        if not self.request.user.has_perm("budget.delete_spendline"):
            return ""
        return reverse("budget:spend_line_delete", args=[self.object.pk])


class SpendLineDeleteView(PermissionRequiredMixin, ConfirmDeleteView):
    permission_required = "budget.delete_spendline"
    queryset = SpendLine.objects.select_related("plan")
    noun = "spend heading"

    def delete(self, row) -> None:
        services.delete_spend_line(line=row)
