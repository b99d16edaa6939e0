"""Writing or editing one action's progress for one round."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import FormView

from .. import services
from ..forms import ProgressForm
from ..models import Action, ProgressRound, ProgressUpdate
from .actions import action_crumbs


class ProgressEditView(FormView):
    form_class = ProgressForm
    template_name = "objectives/progress_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.action = get_object_or_404(Action.objects.select_related("objective", "plan"), pk=kwargs["pk"])
        # Only the rounds of the action's own plan: any other round is not found.
        self.progress_round = get_object_or_404(
            ProgressRound.objects.filter(plan_id=self.action.plan_id), pk=kwargs["round_pk"]
        )
        self.update = ProgressUpdate.objects.filter(action=self.action, round=self.progress_round).first()
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.update
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        verb = "Edit progress" if self.update else "Write progress"
        context.update(
            action=self.action,
            progress_round=self.progress_round,
            update=self.update,
            heading=f"{verb} for {self.progress_round.label}",
            breadcrumbs=action_crumbs(self.action),
        )
        return context

    def form_valid(self, form):
        try:
            services.record_progress(
                action=self.action, progress_round=self.progress_round, author=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.form_invalid(form)
        messages.success(self.request, f"{self.progress_round.label}: progress for {self.action} saved.")
        return redirect(self.action)


# Placeholders until the workflow and committee-paper work lands.


class ProgressReviewView(FormView):
    def dispatch(self, request, *args, **kwargs):
        raise Http404
