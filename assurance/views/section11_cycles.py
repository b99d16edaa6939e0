"""A Section 11 cycle: opening and editing it (board manager), its grid, and publishing the grid."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.views.generic import CreateView, DetailView, FormView, UpdateView

from core.forms import add_service_error
from core.views import FormPageMixin, VersionedSaveMixin, trail

from ..forms.section11 import CycleCreateForm, CycleEditForm, PublishForm
from ..models import Section11Cycle
from ..services import section11 as services
from .section11_grid import build_grid


def cycle_crumbs(*pages):
    return trail("Assurance", "assurance:index", *pages)


class CycleCreateView(PermissionRequiredMixin, FormPageMixin, CreateView):
    permission_required = "assurance.add_section11cycle"
    form_class = CycleCreateForm
    submit_label = "Open the cycle"

    def get_heading(self):
        return "New Section 11 cycle"

    def get_breadcrumbs(self):
        return cycle_crumbs()

    def form_valid(self, form):
        cycle = form.save(commit=False)
        try:
            services.open_cycle(
                cycle=cycle, standards=form.cleaned_data["standards"], agencies=form.cleaned_data["agencies"]
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{cycle} opened: each agency asked has a return to fill in.")
        return redirect(cycle)


class CycleEditView(PermissionRequiredMixin, VersionedSaveMixin, FormPageMixin, UpdateView):
    permission_required = "assurance.change_section11cycle"
    model = Section11Cycle
    form_class = CycleEditForm
    conflict_noun = "this cycle"
    conflict_template = "assurance/section11/_cycle_saved.html"
    success_message = "{object} saved."

    def get_heading(self):
        return f"Edit {self.object}"

    def get_breadcrumbs(self):
        return cycle_crumbs(self.object)

    def save_form(self, form):
        return services.update_cycle(cycle=form.instance, expected_version=form.cleaned_data["version"])

    def get_success_url(self):
        return self.object.get_absolute_url()


class CycleDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "assurance.view_section11cycle"
    template_name = "assurance/section11/cycle_detail.html"
    context_object_name = "cycle"

    def get_queryset(self):
        return Section11Cycle.objects.select_related("scale", "plan").prefetch_related("scale__levels")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            grid=build_grid(self.object, user),
            can_manage=user.has_perm("assurance.moderate_section11return"),
            breadcrumbs=cycle_crumbs(),
        )
        return context


class CyclePublishView(PermissionRequiredMixin, FormPageMixin, FormView):
    permission_required = "assurance.moderate_section11return"
    form_class = PublishForm
    template_name = "assurance/section11/cycle_publish.html"
    submit_label = "Publish the grid"

    # Looked up after the permission check, so a refused visitor learns nothing about the cycle.
    @cached_property
    def cycle(self) -> Section11Cycle:
        return get_object_or_404(Section11Cycle, pk=self.kwargs["pk"])

    def get_heading(self):
        return f"Publish the grid of {self.cycle}"

    def get_breadcrumbs(self):
        return cycle_crumbs(self.cycle)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(cycle=self.cycle, waiting=services.unmoderated_returns(self.cycle))
        return context

    def form_valid(self, form):
        try:
            services.publish_cycle(
                cycle=self.cycle, user=self.request.user, confirm_unmoderated=form.cleaned_data["confirm_unmoderated"]
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"The grid of {self.cycle} is published: everyone can now read every return.")
        return redirect(self.cycle)
