"""The board manager adds, edits and deletes an agency's contribution to a plan year."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.urls import reverse
from django.views.generic import CreateView, UpdateView

from core.formats import pounds
from core.views import FormPageMixin, VersionedSaveMixin

from .. import services
from ..forms import ContributionAddForm, ContributionEditForm
from ..models import PartnerContribution
from .editing import BudgetFormMixin, ConfirmDeleteView, PlanFromAddressMixin


class ContributionFormMixin(BudgetFormMixin, VersionedSaveMixin, FormPageMixin):
    conflict_noun = "this contribution"
    conflict_template = "budget/_contribution_saved.html"

    def save_form(self, form):
        contribution = services.save_contribution(
            contribution=form.instance, expected_version=form.cleaned_data["version"]
        )
        if contribution.paid > contribution.agreed:
            # Allowed (an agency may pay next year's early), but said, so a typing slip is seen.
            more = pounds(contribution.paid - contribution.agreed)
            messages.warning(self.request, f"{contribution.agency} has paid {more} more than it agreed.")
        return contribution


class ContributionCreateView(PermissionRequiredMixin, PlanFromAddressMixin, ContributionFormMixin, CreateView):
    permission_required = "budget.add_partnercontribution"
    form_class = ContributionAddForm
    submit_label = "Add contribution"
    success_message = "Added: {object}."

    def get_heading(self):
        return f"Add a partner contribution for {self.plan.title}"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": PartnerContribution(plan=self.plan)}


class ContributionUpdateView(PermissionRequiredMixin, ContributionFormMixin, UpdateView):
    permission_required = "budget.change_partnercontribution"
    form_class = ContributionEditForm
    queryset = PartnerContribution.objects.select_related("plan", "agency")
    success_message = "Saved: {object}."

    def get_heading(self):
        return f"Edit the contribution of {self.object.agency} for {self.object.plan.title}"

    def get_delete_url(self):
        if not self.request.user.has_perm("budget.delete_partnercontribution"):
            return ""
        return reverse("budget:contribution_delete", args=[self.object.pk])


class ContributionDeleteView(PermissionRequiredMixin, ConfirmDeleteView):
    permission_required = "budget.delete_partnercontribution"
    queryset = PartnerContribution.objects.select_related("plan", "agency")
    noun = "contribution"

    def delete(self, row) -> None:
        services.delete_contribution(contribution=row)
