"""Importing a plan in the browser: upload a file, see what it would change and every bad row, then confirm.

The upload is staged (core.uploads) between the preview and the confirmation, so any app server can confirm
it; confirming reads and checks the stored file again, as the plan may have changed meanwhile.
"""

import json
from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView, View

from core.models import StagedUpload
from core.upload_views import ConfirmUploadMixin, StageUploadMixin
from core.uploads import Preview

from ..importing.applying import apply_changes
from ..importing.cells import shorten
from ..importing.changes import action_name, summary_order
from ..importing.checking import check_rows
from ..importing.forms import ImportUploadForm
from ..importing.plans import PlanProblem, find_or_build_plan
from ..importing.readers import FileProblem, read_plan_file
from ..models import Action, Aim, BusinessPlan, Objective, ProgressUpdate
from .plans import plan_crumbs

# The staged upload's kind; its target_name names the plan (see PlanTarget), as it may not exist until the import.
UPLOAD_KIND = "plan"


@dataclass(frozen=True)
class PlanTarget:
    """The plan an upload goes into: its title, and for a new plan the shape and scale chosen on the upload page.

    Kept as JSON in the staged upload's target_name (core's model names no feature's fields); an upload staged
    before plans had shapes holds the bare title.
    """

    title: str
    shape: str = ""
    scale: str = ""

    def as_name(self) -> str:
        return json.dumps({"title": self.title, "shape": self.shape, "scale": self.scale})

    @classmethod
    def from_name(cls, name: str) -> "PlanTarget":
        try:
            values = json.loads(name)
        except ValueError:
            return cls(name)
        if not isinstance(values, dict):
            return cls(name)
        return cls(str(values.get("title", "")), str(values.get("shape", "")), str(values.get("scale", "")))


@dataclass
class PlanPreview(Preview):
    """A plan import's preview, with what it would create and update listed by kind of object."""

    summary: list[tuple[str, int, int]] = field(default_factory=list)
    created: list[tuple[str, list[str]]] = field(default_factory=list)
    updated: list[tuple[str, list[str]]] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(self.changes and self.changes.has_changes)


def preview_import(upload: StagedUpload, *, progress=None) -> PlanPreview:
    """Read and check the stored file against the plan as it is now; write nothing. `progress` counts the rows."""
    try:
        target = PlanTarget.from_name(upload.target_name)
        plan = find_or_build_plan(target.title, shape=target.shape, scale=target.scale)
        rows = read_plan_file(bytes(upload.content), upload.file_name, shape=plan.shape)
    except (FileProblem, PlanProblem) as problem:
        return PlanPreview(upload, problem=str(problem))
    changes = check_rows(rows, plan=plan, progress=progress)
    preview = PlanPreview(upload, changes=changes, summary=changes.summary())
    for model, label in summary_order(plan):
        created, updated = changes.counts(model)
        of_model = changes.of(model)
        if created:
            preview.created.append((label, [_describe(plan, change.instance) for change in of_model if change.created]))
        if updated:
            described = [_describe_update(plan, change) for change in of_model if not change.created]
            preview.updated.append((label, described))
    return preview


def _describe(plan: BusinessPlan, instance) -> str:
    """An object in the plan's own words: "Recommendation 3: …", "Priority 1a: …"."""
    if isinstance(instance, Action):
        return f"{_action_name(plan, instance)}: {shorten(instance.text, 100)}"
    if isinstance(instance, ProgressUpdate):
        return f"{_action_name(plan, instance.action)} – {instance.round}"
    if isinstance(instance, Aim):
        return f"{plan.aim_name} {instance}"
    if isinstance(instance, Objective):
        return f"{plan.objective_name} {instance}"
    return str(instance)


def _action_name(plan: BusinessPlan, action: Action) -> str:
    objective = action.objective
    return action_name(plan, objective.aim.number, objective.ref, action.ref)


def _describe_update(plan: BusinessPlan, change) -> str:
    """The object and what would change in it, such as "Action 1.1.1: action, lead agencies"."""
    names = dict.fromkeys(str(change.instance._meta.get_field(name).verbose_name) for name in change.fields)
    return f"{_describe(plan, change.instance).split(':')[0]}: {', '.join(names)}"


class ImportUploadView(PermissionRequiredMixin, StageUploadMixin, FormView):
    permission_required = "objectives.add_businessplan"
    raise_exception = True
    form_class = ImportUploadForm
    template_name = "objectives/import_upload.html"
    upload_kind = UPLOAD_KIND
    check_with = "objectives.views.imports.preview_import"

    def get_context_data(self, **kwargs):
        return super().get_context_data(breadcrumbs=plan_crumbs(), **kwargs)

    def get_upload_target(self, form):
        scale = form.cleaned_data["scale"]
        target = PlanTarget(form.cleaned_data["plan_title"], form.cleaned_data["shape"], scale.name if scale else "")
        return {"target_name": target.as_name()}

    def get_confirm_url(self, upload):
        return reverse("objectives:import_confirm", args=[upload.token])


class ImportConfirmView(PermissionRequiredMixin, ConfirmUploadMixin, View):
    permission_required = "objectives.add_businessplan"
    raise_exception = True
    template_name = "objectives/import_preview.html"
    upload_kind = UPLOAD_KIND
    target_noun = "the plan"

    def preview(self, upload):
        return preview_import(upload)

    def write(self, preview):
        apply_changes(preview.changes, reason=f"Imported from {preview.upload.file_name}")

    def applied(self, preview):
        messages.success(self.request, _imported_message(preview))
        return redirect(preview.changes.plan)

    def get_applied_url(self, upload):
        return _plan_url(upload.target_name)

    def get_preview_context(self, preview):
        crumbs = [*plan_crumbs(), ("Import a plan", reverse("objectives:import_upload"))]
        plan_url = _plan_url(preview.upload.target_name) if preview.upload.is_applied else ""
        return {"breadcrumbs": crumbs, "plan_url": plan_url, "upload_again_url": reverse("objectives:import_upload")}


def _plan_url(target_name: str) -> str:
    plan = BusinessPlan.objects.filter(title=PlanTarget.from_name(target_name).title).first()
    return plan.get_absolute_url() if plan else reverse("objectives:plan_list")


def _imported_message(preview: PlanPreview) -> str:
    counts = "; ".join(
        f"{label.lower()}: {created} created, {updated} updated"
        for label, created, updated in preview.summary
        if created or updated
    )
    return f"Imported {preview.upload.file_name} into {preview.changes.plan}. {counts[0].upper()}{counts[1:]}."
