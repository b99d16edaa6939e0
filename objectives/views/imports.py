"""Importing a plan in the browser: upload a file, see what it would change and every bad row, then confirm.

The upload is kept as a PlanImport row between the preview and the confirmation, so any app server can
confirm it; confirming reads and checks the stored file again, as the plan may have changed meanwhile.
"""

import secrets
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, View

from core.formats import financial_year_named

from ..importing.applying import apply_changes
from ..importing.cells import shorten
from ..importing.changes import PlanChanges
from ..importing.checking import check_rows
from ..importing.plans import PlanProblem, find_or_build_plan
from ..importing.readers import FileProblem, read_plan_file
from ..importing.safety import check_size, max_bytes, megabytes
from ..models import Action, Agency, Aim, BusinessPlan, Objective, PlanImport, ProgressRound, ProgressUpdate
from .plans import plan_crumbs

_KINDS = [
    (Agency, "Agencies"),
    (Aim, "Aims"),
    (Objective, "Objectives"),
    (Action, "Actions"),
    (ProgressRound, "Progress rounds"),
    (ProgressUpdate, "Progress updates"),
]


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label="Plan file",
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.xlsx,.csv"}),
    )
    plan = forms.ModelChoiceField(
        label="Import into",
        queryset=BusinessPlan.objects.all(),
        required=False,
        empty_label="A new business plan",
    )
    new_title = forms.CharField(
        label="New plan’s title",
        max_length=100,
        required=False,
        help_text="For a new plan: its financial year, such as 2026/27. It runs from 1 April to 31 March.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = (
            "A Word document (.docx) in the committee layout, or a spreadsheet (.xlsx or .csv) "
            f"in the import’s columns; up to {megabytes(max_bytes())}."
        )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_size(upload.size, upload.name)
            self.content = upload.read()
            # Read now, so a file that cannot be read at all is refused here rather than on the next page.
            read_plan_file(self.content, upload.name)
        except FileProblem as problem:
            raise ValidationError(str(problem)) from None
        return upload

    def clean(self):
        cleaned = super().clean()
        plan, title = cleaned.get("plan"), cleaned.get("new_title", "").strip()
        if plan and title:
            self.add_error("new_title", "Choose an existing plan or give a new plan’s title, not both.")
        elif not plan and not title:
            self.add_error("new_title", "Give the new plan’s title, or choose an existing plan to import into.")
        elif title:
            self._check_new_title(title)
        cleaned["plan_title"] = plan.title if plan else title
        return cleaned

    def _check_new_title(self, title: str):
        """The command's rule: a new plan's dates come from the financial year its title names."""
        if not BusinessPlan.objects.filter(title=title).exists() and financial_year_named(title) is None:
            self.add_error(
                "new_title",
                f"“{title}” is not a financial year such as 2026/27, so the plan’s dates are not known. "
                "Create the plan first (New business plan), then choose it here.",
            )
            return
        try:
            find_or_build_plan(title)
        except PlanProblem as problem:
            self.add_error("new_title", str(problem))


@dataclass
class Preview:
    """What importing an upload would do, as the preview page shows it."""

    upload: PlanImport
    changes: PlanChanges | None = None
    problem: str = ""
    summary: list[tuple[str, int, int]] = field(default_factory=list)
    created: list[tuple[str, list[str]]] = field(default_factory=list)
    updated: list[tuple[str, list[str]]] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(self.changes and self.changes.changes)

    @property
    def can_apply(self) -> bool:
        return not self.problem and not self.changes.errors and self.has_changes


def preview_import(upload: PlanImport) -> Preview:
    """Read and check the stored file against the plan as it is now; write nothing."""
    preview = Preview(upload)
    try:
        rows = read_plan_file(bytes(upload.content), upload.file_name)
        plan = find_or_build_plan(upload.plan_title)
    except (FileProblem, PlanProblem) as problem:
        preview.problem = str(problem)
        return preview
    preview.changes = changes = check_rows(rows, plan=plan)
    for model, label in _KINDS:
        created, updated = changes.counts(model)
        preview.summary.append((label, created, updated))
        of_model = changes.of(model)
        if created:
            preview.created.append((label, [_describe(change.instance) for change in of_model if change.created]))
        if updated:
            preview.updated.append((label, [_describe_update(change) for change in of_model if not change.created]))
    return preview


def _describe(instance) -> str:
    if isinstance(instance, Action):
        return f"{instance}: {shorten(instance.text, 100)}"
    return str(instance)


def _describe_update(change) -> str:
    """The object and what would change in it, such as "Action 1.1.1: action, lead agencies"."""
    names = dict.fromkeys(str(change.instance._meta.get_field(name).verbose_name) for name in change.fields)
    return f"{change.instance}: {', '.join(names)}"


class ImportUploadView(PermissionRequiredMixin, FormView):
    permission_required = "objectives.add_businessplan"
    raise_exception = True
    form_class = ImportUploadForm
    template_name = "objectives/import_upload.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(breadcrumbs=plan_crumbs(), **kwargs)

    def form_valid(self, form):
        upload = PlanImport.objects.create(
            token=secrets.token_urlsafe(32),
            uploaded_by=self.request.user,
            file_name=form.cleaned_data["file"].name,
            content=form.content,
            plan_title=form.cleaned_data["plan_title"],
        )
        return redirect("objectives:import_confirm", token=upload.token)


class ImportConfirmView(PermissionRequiredMixin, View):
    permission_required = "objectives.add_businessplan"
    raise_exception = True
    template_name = "objectives/import_preview.html"

    def get(self, request, token):
        upload = self._upload(token)
        if upload.applied_at:
            return self._render(Preview(upload))
        return self._render(preview_import(upload))

    def post(self, request, token):
        upload = self._upload(token)
        preview = None
        try:
            with transaction.atomic():
                # Claim the upload first: a second click, or a second app server, finds it taken and writes nothing.
                claimed = PlanImport.objects.filter(pk=upload.pk, applied_at__isnull=True).update(
                    applied_at=timezone.now()
                )
                if claimed:
                    preview = preview_import(upload)
                    if preview.can_apply:
                        apply_changes(preview.changes, reason=f"Imported from {upload.file_name}")
                    else:
                        transaction.set_rollback(True)
        except (ValidationError, IntegrityError):
            messages.error(request, "The plan changed while the file was being imported, so nothing was imported.")
            return self._render(preview_import(upload))
        if not claimed:
            messages.info(request, f"{upload.file_name} was imported already; nothing was imported again.")
            return redirect(_plan_url(upload.plan_title))
        if not preview.can_apply:
            messages.error(request, "Nothing was imported: the file no longer fits the plan as it is now.")
            return self._render(preview)
        messages.success(request, _imported_message(upload, preview))
        return redirect(preview.changes.plan)

    def _upload(self, token) -> PlanImport:
        # Only the manager who uploaded a file may see or confirm it.
        return get_object_or_404(PlanImport, token=token, uploaded_by=self.request.user)

    def _render(self, preview: Preview):
        crumbs = [*plan_crumbs(), ("Import a plan", reverse("objectives:import_upload"))]
        context = {"preview": preview, "upload": preview.upload, "breadcrumbs": crumbs}
        context["plan_url"] = _plan_url(preview.upload.plan_title) if preview.upload.applied_at else ""
        return render(self.request, self.template_name, context)


def _plan_url(title: str) -> str:
    plan = BusinessPlan.objects.filter(title=title).first()
    return plan.get_absolute_url() if plan else reverse("objectives:plan_list")


def _imported_message(upload: PlanImport, preview: Preview) -> str:
    counts = "; ".join(
        f"{label.lower()}: {created} created, {updated} updated"
        for label, created, updated in preview.summary
        if created or updated
    )
    return f"Imported {upload.file_name} into {preview.changes.plan}. {counts[0].upper()}{counts[1:]}."
