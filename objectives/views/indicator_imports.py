"""Importing indicator values in the browser: upload a CSV or XLSX, see what it would add and change (and every bad
row), then confirm. The staged-upload machinery (core.uploads) keeps the file between the two pages."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView, View

from core.upload_views import ConfirmUploadMixin, StageUploadMixin
from core.uploads import Preview

from ..importing.indicators import apply_indicator_changes, check_indicator_rows
from ..importing.readers import FileProblem, read_plan_file
from ..importing.safety import extension_of
from ..importing.spreadsheet_form import SpreadsheetUploadForm
from .plans import plan_crumbs

UPLOAD_KIND = "indicators"


def read_indicator_file(content: bytes, file_name: str):
    """A .csv or .xlsx file's rows; a Word file is refused, as indicators come in columns."""
    if extension_of(file_name) not in (".csv", ".xlsx"):
        raise FileProblem(f"{file_name} is not a spreadsheet; save it as .xlsx or .csv (UTF-8).")
    return read_plan_file(content, file_name)


class IndicatorImportForm(SpreadsheetUploadForm):
    file_label = "Indicator file"
    file_help = "A spreadsheet (.xlsx, or .csv saved as UTF-8) in the columns below; up to"
    reader = staticmethod(read_indicator_file)


def preview_indicator_import(upload, *, progress=None) -> Preview:
    """Read and check the stored file against the indicators as they are now; write nothing."""
    try:
        rows = read_indicator_file(bytes(upload.content), upload.file_name)
    except FileProblem as problem:
        return Preview(upload, problem=str(problem))
    return Preview(upload, changes=check_indicator_rows(rows))


def _crumbs():
    return [*plan_crumbs(), ("Import indicators", reverse("objectives:indicator_import"))]


class IndicatorImportView(PermissionRequiredMixin, StageUploadMixin, FormView):
    permission_required = "objectives.add_indicator"
    raise_exception = True
    form_class = IndicatorImportForm
    template_name = "objectives/indicators/import_upload.html"
    upload_kind = UPLOAD_KIND
    check_with = "objectives.views.indicator_imports.preview_indicator_import"

    def get_context_data(self, **kwargs):
        return super().get_context_data(breadcrumbs=plan_crumbs(), **kwargs)

    def get_confirm_url(self, upload):
        return reverse("objectives:indicator_import_confirm", args=[upload.token])


class IndicatorImportConfirmView(PermissionRequiredMixin, ConfirmUploadMixin, View):
    permission_required = "objectives.add_indicator"
    raise_exception = True
    template_name = "objectives/indicators/import_preview.html"
    upload_kind = UPLOAD_KIND
    target_noun = "the indicators"

    def preview(self, upload):
        return preview_indicator_import(upload)

    def write(self, preview):
        reason = f"Imported from {preview.upload.file_name}"
        apply_indicator_changes(preview.changes, entered_by=self.request.user, reason=reason)

    def applied(self, preview):
        messages.success(self.request, f"Imported {preview.upload.file_name}: {preview.changes.summary}.")
        plans = preview.changes.plan_ids
        if len(plans) == 1:
            return redirect("objectives:indicator_list", plan_pk=plans.pop())
        return redirect(self.get_applied_url(preview.upload))

    def get_applied_url(self, upload):
        return reverse("objectives:plan_list")

    def get_preview_context(self, preview):
        return {"breadcrumbs": _crumbs(), "upload_again_url": reverse("objectives:indicator_import")}
