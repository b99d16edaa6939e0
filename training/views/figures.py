"""Training recorded by the board but not booked here: the list, adding, editing and deleting a figure.

The committee paper's Training section prints each figure whose period falls within the period it covers.
"""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import CreateView, ListView, TemplateView, UpdateView

from core.views import Crumbs, FormPageMixin, TablePageMixin, VersionedSaveMixin, trail

from .. import services
from ..forms import TrainingFigureForm
from ..models import TrainingFigure
from ..tables import TrainingFigureTable

LIST_LABEL = "Training recorded by the board"


def figure_crumbs() -> Crumbs:
    return [*trail("Training", "training:course_list"), (LIST_LABEL, reverse("training:figure_list"))]


class FigureListView(PermissionRequiredMixin, TablePageMixin, ListView):
    permission_required = "training.view_trainingfigure"
    template_name = "training/figure_list.html"
    table_class = TrainingFigureTable

    def get_queryset(self):
        # Newest first, in TrainingFigure's own ordering.
        return TrainingFigure.objects.all()

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, breadcrumbs=trail("Training", "training:course_list"))


class FigureFormMixin(VersionedSaveMixin, FormPageMixin):
    form_class = TrainingFigureForm
    conflict_noun = "this figure"
    conflict_template = "training/_figure_saved.html"

    def save_form(self, form):
        return services.save_training_figure(figure=form.instance, expected_version=form.cleaned_data["version"])

    def get_breadcrumbs(self):
        return figure_crumbs()

    def get_success_url(self):
        return reverse("training:figure_list")


class FigureCreateView(PermissionRequiredMixin, FigureFormMixin, CreateView):
    permission_required = "training.add_trainingfigure"
    submit_label = "Record figure"
    success_message = "Recorded: {object}."

    def get_heading(self):
        return "Record training not booked here"


class FigureUpdateView(PermissionRequiredMixin, FigureFormMixin, UpdateView):
    permission_required = "training.change_trainingfigure"
    model = TrainingFigure
    success_message = "Saved: {object}."

    def get_heading(self):
        return f"Edit {self.object}"

    def get_delete_url(self):
        if not self.request.user.has_perm("training.delete_trainingfigure"):
            return ""
        return reverse("training:figure_delete", args=[self.object.pk])


class FigureDeleteView(PermissionRequiredMixin, TemplateView):
    """Asks first; the history keeps the deleted figure, so the admin can see what it was."""

    permission_required = "training.delete_trainingfigure"
    template_name = "training/figure_delete.html"

    # Looked up after the permission check, so a refused visitor learns nothing about the figure.
    @cached_property
    def figure(self) -> TrainingFigure:
        return get_object_or_404(TrainingFigure, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, figure=self.figure, breadcrumbs=figure_crumbs())

    def post(self, request, pk):
        name = str(self.figure)
        self.figure.delete()
        messages.success(request, f"Deleted: {name}.")
        return redirect("training:figure_list")
