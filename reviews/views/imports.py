"""Importing a review's recommendations and actions: upload a file, see what it would add and every bad row, confirm.

As with the plan import, the upload is staged (core.uploads) between the preview and the confirmation, so any app
server can confirm it; confirming reads and checks the stored file again, as the review may have changed.
"""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView, View

from core.upload_views import ConfirmUploadMixin, StageUploadMixin
from core.uploads import Preview

from ..importing.applying import apply_changes
from ..importing.checking import check_rows
from ..importing.columns import COLUMNS, RULES
from ..importing.forms import ReviewImportForm
from ..importing.reading import FileProblem, read_review_upload
from ..models import Review
from .register import review_crumbs

# Importing creates recommendations and the plan's actions, so it takes both permissions.
PERMISSIONS = ("reviews.add_recommendation", "objectives.add_action")
# The staged upload's kind; its target_id is the review's.
UPLOAD_KIND = "review_actions"


def preview_review_import(upload, *, progress=None) -> Preview:
    """The background check's preview: the upload's review is the one its upload page staged it under."""
    return _preview(upload, review=Review.objects.get(pk=upload.target_id))


def _preview(upload, *, review: Review) -> Preview:
    try:
        rows = read_review_upload(bytes(upload.content), upload.file_name)
    except FileProblem as problem:
        return Preview(upload, problem=str(problem))
    return Preview(upload, changes=check_rows(rows, review=review))


class ReviewImportPageMixin(PermissionRequiredMixin):
    """Both pages belong to a review the user may edit; any other review's address is not found."""

    permission_required = PERMISSIONS
    raise_exception = True
    upload_kind = UPLOAD_KIND

    @cached_property
    def review(self) -> Review:
        return get_object_or_404(Review.objects.editable_by(self.request.user), pk=self.kwargs["pk"])


class ReviewImportUploadView(ReviewImportPageMixin, StageUploadMixin, FormView):
    form_class = ReviewImportForm
    template_name = "reviews/review_import_upload.html"

    def get_context_data(self, **kwargs):
        context = {"review": self.review, "breadcrumbs": review_crumbs(self.review), "columns": COLUMNS}
        return super().get_context_data(rules=RULES, **context, **kwargs)

    check_with = "reviews.views.imports.preview_review_import"

    def get_upload_target(self, form):
        return {"target_id": self.review.pk}

    def get_confirm_url(self, upload):
        return reverse("reviews:review_import_confirm", args=[self.review.pk, upload.token])


class ReviewImportConfirmView(ReviewImportPageMixin, ConfirmUploadMixin, View):
    template_name = "reviews/review_import_preview.html"
    target_noun = "the review"

    def get_upload_queryset(self):
        # Only under its own review's address.
        return super().get_upload_queryset().filter(target_id=self.review.pk)

    def preview(self, upload):
        return _preview(upload, review=self.review)

    def check_to_apply(self, upload):
        # Two imports into one review run one after the other, so the second finds the first's actions there.
        return _preview(upload, review=Review.objects.select_for_update().get(pk=self.review.pk))

    def write(self, preview):
        apply_changes(preview.changes, reason=f"Imported from {preview.upload.file_name}")

    def not_applied(self, preview):
        if preview.problem or preview.changes.errors:
            super().not_applied(preview)
        else:
            messages.info(self.request, f"Nothing was imported: {self.review} has every action in the file already.")

    def applied(self, preview):
        changes = preview.changes
        message = f"Imported {preview.upload.file_name} into {self.review}: {changes.summary()}."
        messages.success(self.request, message)
        for warning in changes.warnings:
            messages.warning(self.request, warning)
        return redirect(self.review)

    def get_applied_url(self, upload):
        return self.review.get_absolute_url()

    def get_preview_context(self, preview):
        upload_url = reverse("reviews:review_import_upload", args=[self.review.pk])
        crumbs = [*review_crumbs(self.review), ("Import actions", upload_url)]
        return {"review": self.review, "breadcrumbs": crumbs, "upload_again_url": upload_url}
