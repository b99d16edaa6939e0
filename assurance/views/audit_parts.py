"""The board manager's pages for an audit's parts: adding questions and cases, and completing the audit."""

from functools import cached_property

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import FormView, UpdateView

from core.forms import add_service_error, warn_writer
from core.kept_text import KeepsTypedTextMixin
from core.views import FormPageMixin, VersionedSaveMixin

from ..forms.audits import CasesForm, CompleteAuditForm, QuestionForm
from ..models import CaseAudit
from ..services import audits as services
from .audit_edit import audit_crumbs


class AuditPartMixin(PermissionRequiredMixin, KeepsTypedTextMixin, FormPageMixin):
    """A form adding something to the audit in the address, through one service."""

    @cached_property
    def audit(self) -> CaseAudit:
        return get_object_or_404(CaseAudit.objects.visible_to(self.request.user), pk=self.kwargs["pk"])

    def get_breadcrumbs(self):
        return audit_crumbs(self.audit)

    def add(self, form) -> str:
        """Call the service and return the success message."""
        raise NotImplementedError

    def form_valid(self, form):
        try:
            message = self.add(form)
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, message)
        warn_writer(form, self.request)
        return redirect(self.audit)


class QuestionCreateView(AuditPartMixin, FormView):
    permission_required = "assurance.add_auditquestion"
    form_class = QuestionForm
    submit_label = "Add question"

    def get_heading(self):
        return f"New question for {self.audit}"

    def add(self, form):
        question = services.add_question(audit=self.audit, text=form.cleaned_data["text"])
        return f"Question {question.number} added."


class CasesCreateView(AuditPartMixin, FormView):
    permission_required = "assurance.add_auditcase"
    form_class = CasesForm
    submit_label = "Add cases"

    def get_heading(self):
        return f"New cases for {self.audit}"

    def add(self, form):
        cases = services.add_cases(audit=self.audit, codes=form.cleaned_data["codes"])
        return f"Cases added: {', '.join(case.code for case in cases)}."


class AuditCompleteView(PermissionRequiredMixin, KeepsTypedTextMixin, VersionedSaveMixin, FormPageMixin, UpdateView):
    permission_required = "assurance.change_caseaudit"
    form_class = CompleteAuditForm
    submit_label = "Save and complete"
    success_message = "Audit “{object.theme}” completed."
    conflict_noun = "this audit"
    conflict_template = "assurance/audits/_audit_saved.html"

    def get_queryset(self):
        return CaseAudit.objects.visible_to(self.request.user)

    def get_heading(self):
        return f"Findings and learning of {self.object}"

    def get_breadcrumbs(self):
        return audit_crumbs(self.object)

    def save_form(self, form):
        data = form.cleaned_data
        return services.complete_audit(
            audit=form.instance,
            findings=data["findings"],
            learning=data["learning"],
            completed_on=data["completed_on"],
            expected_version=data["version"],
        )
