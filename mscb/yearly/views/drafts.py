"""The draft yearly report of a plan: the page, generating its figures, its files and a section's narrative."""

from functools import cached_property

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import UpdateView

from core.generated_views import Download, serve
from core.kept_text import KeepsTypedTextMixin
from core.responses import attachment
from core.views import FormPageMixin, VersionedSaveMixin
from objectives.models import BusinessPlan

from ...models import YearlyNarrative, YearlyReport
from .. import services
from ..files import FORMATS, file_name
from ..forms import NarrativeForm
from ..generated import KINDS, build_yearly_file, yearly_file
from ..registry import section_for
from ..rendering import document_context
from ..selectors import publications_of

LIST_LABEL = "Yearly reports"


def plan_report(plan_pk: int) -> tuple[BusinessPlan, YearlyReport | None]:
    """The plan (404 when unknown) and its yearly report, if it has one: 1 query."""
    plan = get_object_or_404(BusinessPlan.objects.select_related("yearly_report__generated_by"), pk=plan_pk)
    return plan, getattr(plan, "yearly_report", None)


def list_crumbs() -> list[tuple[str, str]]:
    return [(LIST_LABEL, reverse("yearly:report_list"))]


@permission_required("mscb.view_yearlyreport", raise_exception=True)
def report_detail(request, plan_pk: int):
    plan, report = plan_report(plan_pk)
    context = {
        "plan": plan,
        "report": report,
        "publications": publications_of(report),
        "breadcrumbs": list_crumbs(),
        "formats": FORMATS,
        "editable": True,
    }
    if report is not None:
        report.plan = plan
        context.update(document_context(report))
    else:
        context["entries"] = []
    return render(request, "yearly/report_detail.html", context)


@permission_required("mscb.change_yearlyreport", raise_exception=True)
@require_POST
def report_generate(request, plan_pk: int):
    plan, _ = plan_report(plan_pk)
    services.generate_yearly_report(plan=plan, by=request.user)
    messages.success(request, "Figures generated from the plan as it stands now. Every narrative was kept.")
    return redirect("yearly:report_detail", plan.pk)


_LABELS = {"html": "HTML", "pdf": "PDF", "docx": "Word file"}


@permission_required("mscb.view_yearlyreport", raise_exception=True)
@require_http_methods(["GET", "HEAD", "POST"])
def report_download(request, plan_pk: int, file_format: str):
    chosen = FORMATS.get(file_format)
    if chosen is None:
        raise Http404(f"The yearly report comes as {', '.join(FORMATS)}, not {file_format}.")
    plan, report = plan_report(plan_pk)
    if report is None or report.generated_at is None:
        raise Http404("This plan's yearly report has no figures yet.")
    report.plan = plan
    name = file_name(report.title, chosen.extension)
    if file_format not in KINDS:  # the HTML is quick to make: it is made here, as the page is
        return attachment(chosen.render(report), name=name, content_type=chosen.content_type)
    download = Download(
        label=_LABELS[file_format],
        name=name,
        content_type=chosen.content_type,
        task=build_yearly_file,
        alternatives=[
            (f"{label} version", reverse("yearly:report_download", args=[plan.pk, other]))
            for other, label in _LABELS.items()
            if other != file_format
        ],
    )
    return serve(request, yearly_file(report, file_format), download)


class NarrativeEditView(PermissionRequiredMixin, KeepsTypedTextMixin, VersionedSaveMixin, FormPageMixin, UpdateView):
    permission_required = "mscb.change_yearlynarrative"
    form_class = NarrativeForm
    template_name = "yearly/narrative_form.html"
    success_message = "Narrative saved."
    conflict_noun = "this narrative"
    conflict_template = "yearly/_narrative_saved.html"

    @cached_property
    def plan_and_report(self):
        return plan_report(self.kwargs["plan_pk"])

    @cached_property
    def section(self):
        section = section_for(self.kwargs["section"])
        if section is None:
            raise Http404("The yearly report has no such section.")
        return section

    def get_object(self, queryset=None):
        plan, report = self.plan_and_report
        self.section  # noqa: B018 -- an unknown section is a 404 before anything else
        found = report and YearlyNarrative.objects.filter(report=report, section=self.section.key).first()
        return found or YearlyNarrative(report=report, section=self.section.key)

    def get_heading(self):
        return f"Narrative: {self.section.title}"

    def get_breadcrumbs(self):
        plan, _ = self.plan_and_report
        return [*list_crumbs(), (f"Yearly report {plan.title}", reverse("yearly:report_detail", args=[plan.pk]))]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "section": self.section}

    def get_success_url(self):
        plan, _ = self.plan_and_report
        return f"{reverse('yearly:report_detail', args=[plan.pk])}#section-{self.section.key}"

    def save_form(self, form):
        plan, report = self.plan_and_report
        return services.save_narrative(
            report=report or services.report_for(plan),
            section=self.section.key,
            text=form.cleaned_data["text"],
            by=self.request.user,
            expected_version=form.cleaned_data["version"],
        )
