"""Importing recommendations into the register in the browser: upload a CSV or XLSX, see what it would add (and
every bad row), then confirm. The staged-upload machinery (core.uploads) keeps the file between the two pages."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView, View

from core.upload_views import ConfirmUploadMixin, StageUploadMixin
from core.uploads import Preview
from objectives.importing.readers import FileProblem
from objectives.importing.spreadsheet_form import SpreadsheetUploadForm
from objectives.views.indicator_imports import read_indicator_file as read_spreadsheet

from ..register_import import apply_recommendation_import, check_recommendation_rows
from .source_pages import register_crumbs

UPLOAD_KIND = "recommendations"
PERMISSIONS = ("assurance.add_recommendationsource", "assurance.add_assurancerecommendation")


class RecommendationImportForm(SpreadsheetUploadForm):
    file_label = "Recommendations file"
    file_help = "A spreadsheet (.xlsx, or .csv saved as UTF-8) in the columns below; up to"
    reader = staticmethod(read_spreadsheet)


def preview_recommendation_import(upload, *, progress=None) -> Preview:
    """Read and check the stored file against the register as it is now; write nothing."""
    try:
        rows = read_spreadsheet(bytes(upload.content), upload.file_name)
    except FileProblem as problem:
        return Preview(upload, problem=str(problem))
    return Preview(upload, changes=check_recommendation_rows(rows))


class RegisterImportView(PermissionRequiredMixin, StageUploadMixin, FormView):
    permission_required = PERMISSIONS
    form_class = RecommendationImportForm
    template_name = "assurance/register/import_upload.html"
    upload_kind = UPLOAD_KIND
    check_with = "assurance.views.register_import.preview_recommendation_import"

    def get_context_data(self, **kwargs):
        return super().get_context_data(breadcrumbs=register_crumbs(), **kwargs)

    def get_confirm_url(self, upload):
        return reverse("assurance:register_import_confirm", args=[upload.token])


class RegisterImportConfirmView(PermissionRequiredMixin, ConfirmUploadMixin, View):
    permission_required = PERMISSIONS
    template_name = "assurance/register/import_preview.html"
    upload_kind = UPLOAD_KIND
    target_noun = "the register"

    def preview(self, upload):
        return preview_recommendation_import(upload)

    def write(self, preview):
        apply_recommendation_import(preview.changes)

    def applied(self, preview):
        messages.success(self.request, f"Imported {preview.upload.file_name}: {preview.changes.summary}.")
        return redirect(self.get_applied_url(preview.upload))

    def get_applied_url(self, upload):
        return reverse("assurance:register")

    def get_preview_context(self, preview):
        return {"breadcrumbs": register_crumbs(), "upload_again_url": reverse("assurance:register_import")}
