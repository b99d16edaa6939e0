"""The period each round's committee paper counts training over: the plan's start unless the board manager
chooses another ("since March 2011"). Who may edit the round chooses it, as part of that round's paper."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import ListView, UpdateView

from core.views import FormPageMixin, TablePageMixin, VersionedSaveMixin, trail
from objectives.models import ProgressRound

from .. import services
from ..forms import PaperPeriodForm
from ..models import PaperPeriod
from ..tables import PaperPeriodTable

LIST_LABEL = "Training in the committee paper"


class PaperPeriodListView(PermissionRequiredMixin, TablePageMixin, ListView):
    permission_required = "objectives.view_progressround"
    template_name = "training/paper_period_list.html"
    table_class = PaperPeriodTable

    def get_queryset(self):
        return ProgressRound.objects.select_related("plan", "training_paper_period").order_by("-as_of", "plan__title")

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, breadcrumbs=trail("Training", "training:course_list"))


class PaperPeriodUpdateView(PermissionRequiredMixin, VersionedSaveMixin, FormPageMixin, UpdateView):
    permission_required = "objectives.change_progressround"
    form_class = PaperPeriodForm
    conflict_noun = "the training period"
    conflict_template = "training/_paper_period_saved.html"
    success_message = "{object}."

    # Looked up after the permission check, so a refused visitor learns nothing about the round.
    @cached_property
    def progress_round(self) -> ProgressRound:
        return get_object_or_404(ProgressRound.objects.select_related("plan"), pk=self.kwargs["pk"])

    def get_object(self, queryset=None):
        """The round's chosen period, or a new one starting at the plan's start as the paper does without one."""
        period = PaperPeriod.objects.filter(progress_round=self.progress_round).first()
        if period is None:
            period = PaperPeriod(progress_round=self.progress_round, starts_on=self.progress_round.plan.starts_on)
        period.progress_round = self.progress_round
        return period

    def save_form(self, form):
        return services.choose_paper_period(period=form.instance, expected_version=form.cleaned_data["version"])

    def get_heading(self):
        return f"Training in {self.progress_round.label}, {self.progress_round.plan.title}"

    def get_breadcrumbs(self):
        return [*trail("Training", "training:course_list"), (LIST_LABEL, reverse("training:paper_period_list"))]

    def get_success_url(self):
        return reverse("training:paper_period_list")
