"""The pages of an import: upload a file, see what it would do, confirm. Each feature configures them.

The upload page is a FormView with `StageUploadMixin`: its form checks the file and leaves the bytes in
`form.content`, and a valid upload is staged (core.uploads) before the browser goes to the preview. The preview
page is a View with `ConfirmUploadMixin`: GET shows the feature's `preview(upload)`, writing nothing; POST claims
the upload and, in one transaction, works the changes out again and runs the feature's `write(preview)`, so a second
click imports nothing again.

An upload page that names `check_with` (its preview function's dotted path) has the file checked in the background
(core.upload_checks): until the check is done the preview page says how far it has got (refreshing itself every
2 seconds if the user asks it to).
The preview page posts the fingerprint of the changes it showed; if confirming would make different changes (the
plan changed meanwhile), nothing is written and the new preview is shown.
An import with no preview page stages and applies the file in one step with `stage_and_apply`.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from . import auto_refresh
from .models import CheckStatus, StagedUpload
from .upload_checks import queue_check
from .uploads import Claim, NotApplied, Preview, PreviewChanged, claim_and_apply, stage_upload

PROGRESS_TEMPLATE = "includes/import_progress.html"


class StageUploadMixin:
    """For the upload page's FormView: keep the checked file and go on to its preview."""

    upload_kind: str
    # The dotted path of the import's preview function, taking the upload and a `progress`, to check in the background.
    check_with: str = ""

    def get_upload_target(self, form) -> dict[str, Any]:
        """What the import goes into, as stage_upload's target_id and target_name."""
        return {}

    def get_confirm_url(self, upload: StagedUpload) -> str:
        raise NotImplementedError

    def form_valid(self, form):
        upload = stage_upload(**self._staging(form))
        if self.check_with:
            queue_check(upload, checker=self.check_with)
        return redirect(self.get_confirm_url(upload))

    def stage_and_apply(self, form, *, apply) -> Claim:
        """Stage the upload and apply it at once; if apply raises, nothing is kept, not even the file."""
        with transaction.atomic():
            upload = stage_upload(**self._staging(form))
            return claim_and_apply(upload=upload, apply=apply)

    def _staging(self, form) -> dict[str, Any]:
        return {
            "kind": self.upload_kind,
            "uploaded_by": self.request.user,
            "file_name": form.cleaned_data["file"].name,
            "content": form.content,
            **self.get_upload_target(form),
        }


class ConfirmUploadMixin:
    """For the preview page's View, addressed by the upload's token: show what the file would do, then do it."""

    upload_kind: str
    template_name: str
    # What the import goes into, such as "the review", for the messages when the file no longer fits it.
    target_noun: str

    def get_upload_queryset(self):
        # Only the person who uploaded a file may see or confirm it.
        return StagedUpload.objects.staged_by(self.request.user, kind=self.upload_kind)

    def get_upload(self) -> StagedUpload:
        return get_object_or_404(self.get_upload_queryset(), token=self.kwargs["token"])

    def preview(self, upload: StagedUpload) -> Preview:
        """Read and check the stored file against the database as it is now; write nothing."""
        raise NotImplementedError

    def check_to_apply(self, upload: StagedUpload) -> Preview:
        """The changes to apply, worked out inside the claim's transaction; a feature may lock its target first."""
        return self.preview(upload)

    def write(self, preview: Preview) -> None:
        """Write the checked changes, inside the claim's transaction; raise NotApplied(preview) to write nothing."""
        raise NotImplementedError

    def applied(self, preview: Preview) -> HttpResponse:
        """The response once the import is made: a message and a redirect."""
        raise NotImplementedError

    def get_applied_url(self, upload: StagedUpload) -> str:
        """Where an upload imported already sends a second confirmation."""
        raise NotImplementedError

    def get_preview_context(self, preview: Preview) -> dict[str, Any]:
        return {}

    def not_applied(self, preview: Preview) -> None:
        messages.error(self.request, f"Nothing was imported: the file no longer fits {self.target_noun} as it is now.")

    def changed(self, preview: Preview) -> None:
        messages.warning(
            self.request,
            f"{self.target_noun[0].upper()}{self.target_noun[1:]} changed since you checked this file: "
            "here is the new preview. Nothing has been imported yet.",
        )

    def get(self, request, *args, **kwargs):
        upload = self.get_upload()
        if upload.is_applied:
            return self.render_preview(Preview(upload))
        if upload.is_being_checked:
            context = {"upload": upload, "auto_refresh": auto_refresh.asked_for(request)}
            return render(request, PROGRESS_TEMPLATE, {**context, **self.get_preview_context(Preview(upload))})
        if upload.check_status == CheckStatus.FAILED:
            return self.render_preview(Preview(upload, problem=upload.check_message))
        return self.render_preview(self.preview(upload))

    def post(self, request, *args, **kwargs):
        upload = self.get_upload()
        if upload.is_being_checked or upload.check_status == CheckStatus.FAILED:
            # Nothing was shown to confirm yet: back to the progress (or the problem).
            return redirect(request.path)
        shown = request.POST.get("fingerprint", "")
        try:
            claim = claim_and_apply(upload=upload, apply=lambda claimed: self._apply(claimed, shown=shown))
        except PreviewChanged as refusal:
            self.changed(refusal.result)
            return self.render_preview(refusal.result)
        except NotApplied as refusal:
            self.not_applied(refusal.result)
            return self.render_preview(refusal.result)
        except (ValidationError, IntegrityError):
            message = f"{self.target_noun[0].upper()}{self.target_noun[1:]} changed while the file was being imported"
            messages.error(request, f"{message}, so nothing was imported.")
            return self.render_preview(self.preview(upload))
        if not claim.claimed:
            messages.info(request, f"{upload.file_name} was imported already; nothing was imported again.")
            return redirect(self.get_applied_url(upload))
        return self.applied(claim.result)

    def _apply(self, upload: StagedUpload, *, shown: str) -> Preview:
        """Work the changes out again; write them only if they are the ones the preview showed."""
        preview = self.check_to_apply(upload)
        if not preview.can_apply:
            raise NotApplied(preview)
        if preview.fingerprint != shown:
            raise PreviewChanged(preview)
        self.write(preview)
        return preview

    def render_preview(self, preview: Preview) -> HttpResponse:
        context = {"preview": preview, "upload": preview.upload, **self.get_preview_context(preview)}
        return render(self.request, self.template_name, context)
