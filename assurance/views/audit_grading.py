"""An agency grading its own part in an audit: a table of cases by questions, a grade and comment in each cell.

Contributors reach only their own agencies' page (another agency's is a 404); the board manager reaches any.
A save made stale by someone else's is refused whole, and the page comes back with the writer's entries, now
carrying the saved versions, so saving again overwrites knowingly.
"""

from functools import cached_property

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import FormView

from core.forms import add_service_error

from ..forms.audits import GradingForm
from ..models import AuditGrading, CaseAudit
from ..services import audits as services
from .audit_edit import audit_crumbs


class AuditGradingView(PermissionRequiredMixin, FormView):
    permission_required = "assurance.change_auditgrading"
    form_class = GradingForm
    template_name = "assurance/audits/audit_grading.html"

    @cached_property
    def audit(self) -> CaseAudit:
        audits = CaseAudit.objects.visible_to(self.request.user).select_related("scale")
        return get_object_or_404(audits, pk=self.kwargs["pk"])

    @cached_property
    def agency(self):
        agencies = self.audit.agencies.all()
        if not self.request.user.has_perm("assurance.change_caseaudit"):
            agencies = agencies.filter(members=self.request.user)
        return get_object_or_404(agencies, pk=self.kwargs["agency_pk"])

    def saved_gradings(self) -> dict:
        rows = AuditGrading.objects.editable_by(self.request.user).filter(case__audit=self.audit, agency=self.agency)
        return {(row.case_id, row.question_id): row for row in rows}

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(
            cases=list(self.audit.cases.all()),
            questions=list(self.audit.questions.all()),
            scale=self.audit.scale.as_scale(),
            gradings=self.saved_gradings(),
        )
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            audit=self.audit, agency=self.agency, breadcrumbs=audit_crumbs(self.audit), **kwargs
        )

    def form_valid(self, form):
        try:
            services.save_gradings(audit=self.audit, agency=self.agency, user=self.request.user, entries=form.entries())
        except ValidationError as error:
            return self.form_invalid(self.form_after_refusal(form, error))
        messages.success(self.request, f"{self.agency.name}’s grades saved.")
        form.warn_writer(self.request)
        return redirect(self.audit)

    def form_after_refusal(self, form, error: ValidationError) -> GradingForm:
        """The writer's entries again, with each cell's version as saved now, and the reason above them."""
        data = form.data.copy()
        for (case_id, question_id), grading in self.saved_gradings().items():
            data[f"version_{case_id}_{question_id}"] = grading.version
        kwargs = {**self.get_form_kwargs(), "data": data}
        merged = GradingForm(**kwargs)
        merged.is_valid()
        add_service_error(merged, error)
        return merged
