"""An audit's recommendations, added from its page, and an action for one; the board's decision on each is recorded
from the register, and the action is then edited on the plan's own pages."""

from functools import cached_property

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import get_object_or_404
from django.views.generic import FormView

from core.kept_text import KeepsTypedTextMixin
from reviews.forms.recommendations import RecommendationActionForm
from reviews.views.tracked import TrackedActionCreateMixin

from ..forms.audits import AuditRecommendationForm
from ..models import AssuranceRecommendation, CaseAudit
from ..services import audits as services
from ..services import recommendations
from .audit_edit import audit_crumbs
from .audit_parts import AuditPartMixin


class AuditRecommendationCreateView(AuditPartMixin, FormView):
    permission_required = "assurance.add_assurancerecommendation"
    form_class = AuditRecommendationForm
    submit_label = "Add recommendation"

    def get_heading(self):
        return f"New recommendation of {self.audit}"

    def add(self, form):
        recommendation = services.add_audit_recommendation(
            audit=self.audit, text=form.cleaned_data["text"], agencies=form.cleaned_data["agencies"]
        )
        return f"Recommendation {recommendation.number} added."


class AuditRecommendationActionCreateView(
    PermissionRequiredMixin, KeepsTypedTextMixin, TrackedActionCreateMixin, FormView
):
    # A plan action, made by changing the recommendation's action plan.
    permission_required = ("objectives.add_action", "assurance.change_assurancerecommendation")
    form_class = RecommendationActionForm
    template_name = "reviews/recommendation_action_form.html"
    success_message = "Action {object.ref} added."

    @cached_property
    def recommendation(self) -> AssuranceRecommendation:
        audits = CaseAudit.objects.visible_to(self.request.user)
        recommendations = AssuranceRecommendation.objects.filter(source__case_audit__in=audits).select_related(
            "source__case_audit"
        )
        return get_object_or_404(recommendations, pk=self.kwargs["pk"])

    @property
    def audit(self) -> CaseAudit:
        return self.recommendation.source.case_audit

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["recommendation"] = self.recommendation
        return kwargs

    def get_initial(self):
        return {"plan": self.audit.plan_id}

    def get_heading(self):
        return f"New action for {self.audit}, recommendation {self.recommendation.number}"

    def get_breadcrumbs(self):
        return audit_crumbs(self.audit)

    def get_cancel_url(self):
        return self.audit.get_absolute_url() + f"#recommendation-{self.recommendation.number}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(recommendation=self.recommendation, **kwargs)

    def add_action(self, **fields):
        return recommendations.add_recommendation_action(self.recommendation, **fields)

    def get_success_url(self):
        return self.get_cancel_url()
