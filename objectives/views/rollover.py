"""Starting next year's plan from this one (board managers only)."""

from itertools import groupby

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.views.generic import FormView

from core.formats import plural
from core.forms import add_service_error

from ..models import BusinessPlan
from ..models.shapes import in_sentence
from ..models.shapes import plural as plural_name
from ..rollover_forms import RolloverForm, next_year_initial
from ..services import rollover
from .plans import plan_crumbs


class PlanRolloverView(PermissionRequiredMixin, FormView):
    permission_required = "objectives.add_businessplan"
    form_class = RolloverForm
    template_name = "objectives/plan_rollover.html"

    # Looked up after the permission check, so a refused visitor learns nothing about the plan.
    @cached_property
    def source(self) -> BusinessPlan:
        return get_object_or_404(BusinessPlan.objects.all(), pk=self.kwargs["pk"])

    @cached_property
    def open_actions(self) -> list:
        return list(rollover.open_actions(self.source))

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "source": self.source}

    def get_initial(self):
        # Every open action ticked: the board carries everything unfinished unless it says otherwise.
        return {**next_year_initial(self.source), "actions": [action.pk for action in self.open_actions]}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        chosen = {str(pk) for pk in context["form"]["actions"].value() or []}
        context.update(
            source=self.source,
            groups=action_groups(self.source, self.open_actions, chosen),
            heading=f"Start next year's plan from {self.source.title}",
            breadcrumbs=plan_crumbs(self.source),
            actions_word=in_sentence(plural_name(self.source.action_name)),
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            plan = rollover.roll_over_plan(
                source=self.source,
                title=data["title"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                action_ids=[action.pk for action in data["actions"]],
                by=self.request.user,
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        carried = plural(len(data["actions"]), in_sentence(self.source.action_name))
        messages.success(
            self.request,
            f"{plan} started from {self.source.title}, with {carried} carried over. "
            "No progress rounds were copied: open the first when it falls due.",
        )
        return redirect(plan)


def action_groups(source: BusinessPlan, actions: list, chosen: set[str]) -> list[tuple[str, list]]:
    """The open actions under a heading each for their aim and objective (none in a list plan): (heading, [(action,
    ticked)]). A case review's or the CDOP's actions, which have no objective, come last under their own heading."""

    def heading(action) -> str:
        objective = action.objective
        if objective is None:
            return "From case reviews and the CDOP"
        if not source.has_aims:
            return ""
        aim = f"{source.aim_name} {objective.aim.number}: {objective.aim.title}"
        return f"{aim}; {source.objective_name} {objective.ref}: {objective.title}" if source.has_objectives else aim

    return [
        (title, [(action, str(action.pk) in chosen) for action in members])
        for title, members in groupby(actions, key=heading)
    ]
