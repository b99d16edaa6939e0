"""The board manager's side of a return: moderating it standard by standard, and agreeing an improvement action
for a standard, which becomes a plan action led by the agency."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import FormView

from core.forms import add_service_error, warn_writer
from core.views import FormPageMixin

from ..forms.section11 import ImprovementActionForm, ModerationForm
from ..models import Section11Return, StandardAssessment
from ..services import section11 as services
from .section11_cycles import cycle_crumbs
from .section11_returns import AssessmentsPageMixin


class ReturnModerateView(PermissionRequiredMixin, AssessmentsPageMixin, View):
    permission_required = "assurance.moderate_section11return"
    form_class = ModerationForm
    success_message = "Moderation saved: the grid shows the agreed ratings."

    def returns(self):
        return Section11Return.objects.all()

    def heading(self):
        return f"Moderate the return of {self.section11_return.agency}"

    def save(self, formset, expected_version):
        answers = {
            form.instance.standard_id: services.ModerationInput(
                form.cleaned_data["challenge"], form.cleaned_data["agreed_rating"]
            )
            for form in formset.forms
        }
        services.moderate_return(
            section11_return=self.section11_return,
            user=self.request.user,
            expected_version=expected_version,
            answers=answers,
        )


class ImprovementActionCreateView(PermissionRequiredMixin, FormPageMixin, FormView):
    permission_required = "assurance.moderate_section11return"
    form_class = ImprovementActionForm
    template_name = "assurance/section11/improvement_action_form.html"
    submit_label = "Agree the action"

    # Looked up after the permission check, so a refused visitor learns nothing about the return.
    @cached_property
    def assessment(self) -> StandardAssessment:
        queryset = StandardAssessment.objects.select_related(
            "standard", "section11_return__agency", "section11_return__cycle__plan"
        )
        return get_object_or_404(queryset, pk=self.kwargs["pk"])

    def get_heading(self):
        return_ = self.assessment.section11_return
        return f"Agree an improvement action with {return_.agency} for standard {self.assessment.standard.number}"

    def get_breadcrumbs(self):
        return_ = self.assessment.section11_return
        return [*cycle_crumbs(return_.cycle), (str(return_.agency), return_.get_absolute_url())]

    def get_context_data(self, **kwargs):
        return super().get_context_data(assessment=self.assessment, **kwargs)

    def form_valid(self, form):
        target_on, target_is_month = form.cleaned_data["target"]
        try:
            action = services.agree_improvement_action(
                assessment=self.assessment,
                text=form.cleaned_data["text"],
                target_on=target_on,
                target_is_month=target_is_month,
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        warn_writer(form, self.request)
        messages.success(
            self.request, f"Action {action.ref} agreed: {self.assessment.section11_return.agency} leads it."
        )
        return redirect(self.assessment.section11_return)
