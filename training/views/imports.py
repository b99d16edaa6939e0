"""Importing a session's register: upload the signed-in sheet and it is applied at once, all or nothing.

The file is staged and applied in one step (core.upload_views), so the register has the plan and review imports'
one mechanism without a preview page: a register with any bad row is refused whole, with every problem listed.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.generic import FormView

from core.upload_views import StageUploadMixin
from objectives.importing.readers import FileProblem

from ..importing.applying import apply_register
from ..importing.forms import RegisterImportForm
from ..importing.register import RegisterProblems
from .sessions import SessionPageMixin

# The staged upload's kind; its target_id is the session's.
UPLOAD_KIND = "training_register"


class RegisterImportView(SessionPageMixin, StageUploadMixin, FormView):
    form_class = RegisterImportForm
    template_name = "training/register_import.html"
    upload_kind = UPLOAD_KIND

    def get_upload_target(self, form):
        return {"target_id": self.session.pk}

    def form_valid(self, form):
        try:
            claim = self.stage_and_apply(form, apply=lambda upload: apply_register(upload, session=self.session))
        except FileProblem as problem:
            form.add_error("file", str(problem))
            return self.form_invalid(form)
        except RegisterProblems as error:
            form.add_error("file", "Nothing was imported: correct the rows listed below and upload the file again.")
            return render(self.request, self.template_name, self.get_context_data(form=form, problems=error.problems))
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        summary = claim.result
        messages.success(
            self.request,
            f"Register imported: {summary.marked} attendance marks changed, {summary.added} people added, "
            f"{summary.unchanged} unchanged.",
        )
        return redirect(self.session)
