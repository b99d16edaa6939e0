"""Importing a review's recommendations and actions: upload a file, see what it would add and every bad row, confirm.

As with the plan import, the upload is kept as a row (ReviewImport) between the preview and the confirmation, so
any app server can confirm it; confirming reads and checks the stored file again, as the review may have changed.
"""

import secrets
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import FormView, View

from objectives.importing.safety import check_size, max_bytes, megabytes

from ..importing.applying import import_rows
from ..importing.checking import ReviewChanges, check_rows
from ..importing.columns import COLUMNS, RULES
from ..importing.reading import FileProblem, read_review_upload
from ..models import Review, ReviewImport
from .register import review_crumbs

# Importing creates recommendations and the plan's actions, so it takes both permissions.
PERMISSIONS = ("reviews.add_recommendation", "objectives.add_action")


class ReviewImportForm(forms.Form):
    file = forms.FileField(label="Action plan file", widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[
            "file"
        ].help_text = (
            f"A spreadsheet (.xlsx, or .csv saved as UTF-8) in the columns below; up to {megabytes(max_bytes())}."
        )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_size(upload.size, upload.name)
            self.content = upload.read()
            # Read now, so a file that cannot be read at all is refused here rather than on the next page.
            read_review_upload(self.content, upload.name)
        except FileProblem as problem:
            raise ValidationError(str(problem)) from None
        return upload


@dataclass
class Preview:
    """What importing an upload would do, as the preview page shows it."""

    upload: ReviewImport
    changes: ReviewChanges | None = None
    problem: str = ""

    @property
    def can_apply(self) -> bool:
        return not self.problem and self.changes.can_apply


def preview_import(upload: ReviewImport) -> Preview:
    """Read and check the stored file against the review as it is now; write nothing."""
    try:
        rows = read_review_upload(bytes(upload.content), upload.file_name)
    except FileProblem as problem:
        return Preview(upload, problem=str(problem))
    return Preview(upload, changes=check_rows(rows, review=upload.review))


class ReviewImportUploadView(PermissionRequiredMixin, FormView):
    permission_required = PERMISSIONS
    form_class = ReviewImportForm
    template_name = "reviews/review_import_upload.html"

    @cached_property
    def review(self) -> Review:
        return get_object_or_404(Review.objects.editable_by(self.request.user), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = {"review": self.review, "breadcrumbs": review_crumbs(self.review), "columns": COLUMNS}
        return super().get_context_data(rules=RULES, **context, **kwargs)

    def form_valid(self, form):
        upload = ReviewImport.objects.create(
            review=self.review,
            token=secrets.token_urlsafe(32),
            uploaded_by=self.request.user,
            file_name=form.cleaned_data["file"].name,
            content=form.content,
        )
        return redirect("reviews:review_import_confirm", pk=self.review.pk, token=upload.token)


class ReviewImportConfirmView(PermissionRequiredMixin, View):
    permission_required = PERMISSIONS
    template_name = "reviews/review_import_preview.html"

    def get(self, request, pk, token):
        upload = self._upload(pk, token)
        if upload.applied_at:
            return self._render(Preview(upload))
        return self._render(preview_import(upload))

    def post(self, request, pk, token):
        upload = self._upload(pk, token)
        try:
            with transaction.atomic():
                # Claim the upload first: a second click, or a second app server, finds it taken and writes nothing.
                claimed = ReviewImport.objects.filter(pk=upload.pk, applied_at__isnull=True).update(
                    applied_at=timezone.now()
                )
                if claimed:
                    preview = self._import(upload)
                    if not preview.can_apply:
                        transaction.set_rollback(True)
        except (ValidationError, IntegrityError):
            messages.error(request, "The review changed while the file was being imported, so nothing was imported.")
            return self._render(preview_import(upload))
        if not claimed:
            messages.info(request, f"{upload.file_name} was imported already; nothing was imported again.")
            return redirect(upload.review)
        if not preview.can_apply:
            if preview.problem or preview.changes.errors:
                messages.error(request, "Nothing was imported: the file no longer fits the review as it is now.")
            else:
                messages.info(request, f"Nothing was imported: {upload.review} has every action in the file already.")
            return self._render(preview)
        changes = preview.changes
        messages.success(request, f"Imported {upload.file_name} into {upload.review}: {changes.summary()}.")
        for warning in changes.warnings:
            messages.warning(request, warning)
        return redirect(upload.review)

    @staticmethod
    def _import(upload: ReviewImport) -> Preview:
        try:
            rows = read_review_upload(bytes(upload.content), upload.file_name)
        except FileProblem as problem:
            return Preview(upload, problem=str(problem))
        changes = import_rows(rows, review=upload.review, reason=f"Imported from {upload.file_name}")
        return Preview(upload, changes=changes)

    def _upload(self, pk, token) -> ReviewImport:
        # Only the manager who uploaded a file may see or confirm it, and only under its own review's address.
        uploads = ReviewImport.objects.select_related("review").filter(
            review__in=Review.objects.editable_by(self.request.user), uploaded_by=self.request.user
        )
        return get_object_or_404(uploads, review_id=pk, token=token)

    def _render(self, preview: Preview):
        review = preview.upload.review
        crumbs = [*review_crumbs(review), ("Import actions", reverse("reviews:review_import_upload", args=[review.pk]))]
        context = {"preview": preview, "upload": preview.upload, "review": review, "breadcrumbs": crumbs}
        return render(self.request, self.template_name, context)
