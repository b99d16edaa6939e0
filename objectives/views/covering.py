"""The covering report of a round's committee paper, and the board's template of its numbered headings."""

from functools import cached_property

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, UpdateView

from core.formats import plural
from core.forms import add_service_error
from core.kept_text import KeepsTypedTextMixin, initial_from
from core.views import FormPageMixin, VersionedSaveMixin

from ..covering_forms import CommitteeHeadingsForm, CoveringReportForm
from ..models import CoveringReport, ProgressRound
from ..selectors.covering import current_headings, previous_covering_report
from ..services import covering as covering_services
from .plans import plan_crumbs, round_crumbs

# The name of the button that fills the form from the previous round's covering report instead of saving.
START_FROM_PREVIOUS = "start_from_previous"


class CoveringReportEditView(
    PermissionRequiredMixin, KeepsTypedTextMixin, VersionedSaveMixin, FormPageMixin, UpdateView
):
    permission_required = "objectives.change_coveringreport"
    form_class = CoveringReportForm
    template_name = "objectives/covering_form.html"
    success_message = "Covering report saved: the committee report shows it."
    conflict_noun = "the covering report"
    conflict_template = "objectives/_covering_saved.html"

    @cached_property
    def progress_round(self) -> ProgressRound:
        return get_object_or_404(ProgressRound.objects.select_related("plan"), pk=self.kwargs["pk"])

    def get_object(self, queryset=None):
        # A round without one yet gets a new report, filled with the board's committee and the usual title.
        progress_round = self.progress_round
        report = CoveringReport.objects.filter(round=progress_round).first()
        return report or CoveringReport(
            round=progress_round,
            committee=settings.COMMITTEE_NAME,
            title=CoveringReport.default_title(progress_round),
        )

    def get_heading(self):
        return f"Covering report: {self.progress_round.label}"

    def get_breadcrumbs(self):
        return round_crumbs(self.progress_round)

    def get_cancel_url(self):
        return self.get_success_url()

    def get_success_url(self):
        return reverse("objectives:report", args=[self.progress_round.plan_id, self.progress_round.pk])

    def save_form(self, form):
        return covering_services.save_covering_report(form=form, expected_version=form.cleaned_data["version"])

    def post(self, request, *args, **kwargs):
        if START_FROM_PREVIOUS in request.POST:
            return self.start_from_previous()
        return super().post(request, *args, **kwargs)

    def start_from_previous(self):
        """The form as it was sent, its blank boxes filled from the previous covering report; nothing saved."""
        self.object = self.get_object()
        kwargs = {key: value for key, value in self.get_form_kwargs().items() if key not in ("data", "files")}
        form = self.get_form_class()(**kwargs)
        form.initial.update(initial_from(form, self.request.POST))
        previous = previous_covering_report(self.progress_round)
        if previous is None:
            messages.warning(
                self.request,
                f"There is no covering report of an earlier round of business plan {self.progress_round.plan.title} "
                "to start from. Nothing in the form has changed.",
            )
        else:
            _say_filled(self.request, previous, *form.fill_blanks_from(previous))
        return self.render_to_response(self.get_context_data(form=form))


def _say_filled(request, previous: CoveringReport, filled: list[str], kept: list[str], missing: list[str]) -> None:
    source = f"the covering report of {previous.round.label}"
    if not filled:
        messages.info(request, f"Nothing was filled from {source}: every box it has text for already has yours.")
        return
    boxes = plural(len(filled), "blank box", "blank boxes")
    said = [f"Filled {boxes} from {source}. Nothing is saved until you save."]
    if kept:
        said.append(f"Boxes you had already written in were left as they were: {', '.join(kept)}.")
    if missing:
        said.append(f"Not copied, as the template no longer has their headings: {', '.join(missing)}.")
    messages.info(request, " ".join(said))


class CommitteeHeadingsView(PermissionRequiredMixin, FormPageMixin, FormView):
    """The template's headings as one box, one a line; reached from a round's covering report, it returns there."""

    permission_required = "objectives.change_committeeheading"
    form_class = CommitteeHeadingsForm
    template_name = "objectives/committee_headings.html"
    success_message = "Covering report headings saved."

    @cached_property
    def progress_round(self) -> ProgressRound | None:
        # Only where to go back to: a round the address names wrongly is no round.
        pk = self.request.GET.get("round", "")
        return ProgressRound.objects.select_related("plan").filter(pk=pk).first() if pk.isdigit() else None

    def get_initial(self):
        headings = current_headings()
        return {
            "headings": covering_services.headings_text(headings),
            "loaded": covering_services.headings_fingerprint(headings),
        }

    def get_heading(self):
        return "Covering report headings"

    def get_breadcrumbs(self):
        if self.progress_round is None:
            return plan_crumbs()
        return [*round_crumbs(self.progress_round), ("Covering report", self._covering_url())]

    def _covering_url(self) -> str:
        return reverse("objectives:covering_report", args=[self.progress_round.pk])

    def get_success_url(self):
        return self._covering_url() if self.progress_round else self.request.get_full_path()

    def form_valid(self, form):
        try:
            covering_services.set_committee_headings(
                headings=form.cleaned_data["headings"], loaded=form.cleaned_data["loaded"]
            )
        except ValidationError as error:
            # The box keeps the writer's list; the next save, after merging, goes ahead knowingly.
            data = form.data.copy()
            data["loaded"] = covering_services.headings_fingerprint(current_headings())
            merged = self.get_form_class()(data=data)
            merged.is_valid()
            add_service_error(merged, error)
            return self.form_invalid(merged)
        messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())
