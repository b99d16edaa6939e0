"""Making and editing a case audit: its theme, date, plan, grading scale, agencies and status."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.views.generic import CreateView, UpdateView

from core.kept_text import KeepsTypedTextMixin
from core.views import Crumbs, FormPageMixin, VersionedSaveMixin, trail

from ..forms.audits import CaseAuditForm
from ..models import CaseAudit
from ..services import audits as services


def audit_crumbs(audit: CaseAudit | None = None) -> Crumbs:
    return trail("Assurance", "assurance:index", audit)


class AuditFormMixin(PermissionRequiredMixin, KeepsTypedTextMixin, VersionedSaveMixin, FormPageMixin):
    form_class = CaseAuditForm
    conflict_noun = "this audit"
    conflict_template = "assurance/audits/_audit_saved.html"

    def save_form(self, form):
        return services.save_audit(
            audit=form.instance, agencies=form.cleaned_data["agencies"], expected_version=form.cleaned_data["version"]
        )


class AuditCreateView(AuditFormMixin, CreateView):
    permission_required = "assurance.add_caseaudit"
    submit_label = "Add audit"
    success_message = "Audit “{object.theme}” added."

    def get_heading(self):
        return "New multi-agency case audit"

    def get_breadcrumbs(self):
        return audit_crumbs()


class AuditUpdateView(AuditFormMixin, UpdateView):
    permission_required = "assurance.change_caseaudit"
    success_message = "Audit “{object.theme}” saved."

    def get_queryset(self):
        return CaseAudit.objects.visible_to(self.request.user)

    def get_heading(self):
        return f"Edit {self.object}"

    def get_breadcrumbs(self):
        return audit_crumbs(self.object)
