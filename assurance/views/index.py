"""The assurance landing page: the Section 11 cycles, the case audits and the way to the register."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.views.generic import TemplateView

from ..models import CaseAudit, Section11Cycle


class AssuranceIndexView(PermissionRequiredMixin, TemplateView):
    permission_required = "assurance.view_assurancerecommendation"
    template_name = "assurance/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cycles"] = list(Section11Cycle.objects.all())
        context["audits"] = list(CaseAudit.objects.visible_to(self.request.user))
        return context
