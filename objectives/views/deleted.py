"""Deleting hides: the confirm pages, the list of hidden items and the restore buttons (board managers only)."""

from django.contrib.auth.decorators import permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, TemplateView

from core.formats import plural
from core.outcomes import reported
from core.views import TablePageMixin

from ..models import Action, Aim, Objective, PlanShape
from ..models.shapes import in_sentence
from ..models.shapes import plural as plural_name
from ..selectors.deleted import hidden_items, label
from ..services import deletion
from ..tables import HiddenItemTable
from .actions import action_trail

RESTORE_HINT = "It can be restored from Deleted items."


class DeletedListView(PermissionRequiredMixin, TablePageMixin, TemplateView):
    permission_required = ("objectives.delete_aim", "objectives.delete_objective", "objectives.delete_action")
    template_name = "objectives/deleted_list.html"
    table_class = HiddenItemTable

    def get_table_data(self):
        # A list, gathered from three tables and their histories: the pager counts it without a query.
        self.items = hidden_items()
        return self.items

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["items"] = self.items
        return context


class HideView(PermissionRequiredMixin, DetailView):
    """Confirm on GET, hide on POST; rows already hidden, or under a hidden parent, are not found.

    Not a DeleteView: that would answer an HTTP DELETE by really deleting the row.
    """

    template_name = "objectives/confirm_delete.html"
    context_object_name = "item"

    def get_context_data(self, **kwargs):
        item = self.object
        return super().get_context_data(
            label=label(item),
            description=item.text if isinstance(item, Action) else item.title,
            goes_with=self.goes_with(),
            breadcrumbs=action_trail(item),
            cancel_url=item.get_absolute_url(),
            **kwargs,
        )

    def goes_with(self) -> str:
        """What else disappears from the pages with this item, in words."""
        return ""

    def hide(self) -> None:
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        with _reporting(request, self.object, f"deleted. {RESTORE_HINT}"):
            self.hide()
        return redirect(self.get_success_url())


class AimDeleteView(HideView):
    permission_required = "objectives.delete_aim"
    # A list plan's one aim is implicit: it is never hidden on its own.
    queryset = Aim.objects.not_hidden().exclude(plan__shape=PlanShape.LIST).select_related("plan")

    def hide(self):
        deletion.delete_aim(aim=self.object, by=self.request.user)

    def goes_with(self):
        plan = self.object.plan
        objectives = self.object.objectives.not_hidden()
        actions = counted(Action.objects.not_hidden().filter(objective__in=objectives).count(), plan.action_name)
        if not plan.has_objectives:
            return actions
        return f"{counted(objectives.count(), plan.objective_name)} and {actions}"

    def get_success_url(self):
        return self.object.plan.get_absolute_url()


class ObjectiveDeleteView(HideView):
    permission_required = "objectives.delete_objective"
    # Only a tree plan shows its objectives; the others' are implicit and go only with their aim.
    queryset = Objective.objects.not_hidden().filter(plan__shape=PlanShape.TREE).select_related("plan", "aim")

    def hide(self):
        deletion.delete_objective(objective=self.object, by=self.request.user)

    def goes_with(self):
        return counted(self.object.actions.not_hidden().count(), self.object.plan.action_name)

    def get_success_url(self):
        return self.object.aim.get_absolute_url()


class ActionDeleteView(HideView):
    permission_required = "objectives.delete_action"
    queryset = Action.objects.not_hidden().select_related("plan", "objective__aim")

    def hide(self):
        deletion.delete_action(action=self.object, by=self.request.user)

    def get_success_url(self):
        action = self.object
        if action.objective is None:
            return reverse("objectives:action_list")
        # Back to where the plan's page shows it: its objective, its priority, or the list.
        if action.plan.has_objectives:
            return action.objective.get_absolute_url()
        return action.objective.aim.get_absolute_url() if action.plan.has_aims else action.plan.get_absolute_url()


def counted(number: int, level_name: str) -> str:
    """ "1 priority", "3 recommendations": a count of a plan's level, in its own words."""
    return plural(number, in_sentence(level_name), in_sentence(plural_name(level_name)))


def _reporting(request, item, done: str):
    """Tell the user the outcome: "Action 1.1.3 restored.", or why it could not be done."""
    return reported(request, f"{label(item).capitalize()} {done}")


@require_POST
@permission_required("objectives.delete_aim", raise_exception=True)
def restore_aim(request, pk):
    aim = get_object_or_404(Aim.objects.deleted().select_related("plan"), pk=pk)
    with _reporting(request, aim, "restored, with everything it hid."):
        deletion.restore_aim(aim=aim, by=request.user)
    return redirect("objectives:deleted_list")


@require_POST
@permission_required("objectives.delete_objective", raise_exception=True)
def restore_objective(request, pk):
    objective = get_object_or_404(Objective.objects.deleted().select_related("aim", "plan"), pk=pk)
    with _reporting(
        request, objective, f"restored, with the {in_sentence(plural_name(objective.plan.action_name))} it hid."
    ):
        deletion.restore_objective(objective=objective, by=request.user)
    return redirect("objectives:deleted_list")


@require_POST
@permission_required("objectives.delete_action", raise_exception=True)
def restore_action(request, pk):
    action = get_object_or_404(Action.objects.deleted().select_related("objective__aim", "plan"), pk=pk)
    with _reporting(request, action, "restored."):
        deletion.restore_action(action=action, by=request.user)
    return redirect("objectives:deleted_list")
