"""Actions: the filtered list, an action's page with its progress and history, and its forms."""

from dataclasses import dataclass
from http import HTTPStatus

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import CreateView, DetailView, UpdateView
from django_filters.views import FilterView

from core.views import Crumbs, FormPageMixin, TablePageMixin, VersionedSaveMixin

from .. import action_sources
from ..filters import ActionFilter, rating_scales_in_use
from ..forms import ActionForm
from ..models import Action, Aim, BusinessPlan, Objective, PlanShape, ProgressRound, ProgressUpdate
from ..models.shapes import in_sentence
from ..roles import is_board_manager
from ..selectors.carried import earlier_progress
from ..selectors.history import change_history
from ..services import actions as action_services
from ..services import workflow
from ..tables import ActionTable
from .plans import HideLinkMixin, next_number, next_ref, plan_crumbs


class ActionListView(PermissionRequiredMixin, TablePageMixin, FilterView):
    permission_required = "objectives.view_action"
    table_class = ActionTable
    filterset_class = ActionFilter
    template_name = "objectives/action_list.html"

    def get_queryset(self):
        # Newest plan first, then natural ref order, until the user sorts by a column.
        return Action.objects.visible_to(self.request.user).for_table().order_by("-plan__starts_on", "sort_key", "pk")

    @cached_property
    def rating_scales(self):
        return rating_scales_in_use(self.request.GET.get("plan"))

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "rating_scales": self.rating_scales}

    def get_table_kwargs(self):
        # Plans that rate nothing have no rating column; the others' scales are those the rating filter offers.
        return {"scales": self.rating_scales} if self.rating_scales else {"exclude": ("latest_rag",)}


@dataclass
class TimelineEntry:
    """One round on an action's page: its update if this person may see it, and what they may do with it."""

    progress_round: ProgressRound
    update: ProgressUpdate | None
    can_edit: bool
    can_review: bool


class ActionDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "objectives.view_action"
    template_name = "objectives/action_detail.html"
    context_object_name = "action"

    def get_queryset(self):
        return (
            Action.objects.visible_to(self.request.user)
            .select_related("objective__aim", "plan__rating_scale", "carried_from__plan")
            .prefetch_related("lead_agencies", "plan__rating_scale__levels")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, action = self.request.user, self.object
        is_manager = is_board_manager(user)
        # Whoever may write this action's progress may also see its drafts; everyone else sees accepted progress.
        can_write = is_manager or Action.objects.editable_by(user).filter(pk=action.pk).exists()
        rounds = list(ProgressRound.objects.filter(plan_id=action.plan_id).order_by("-as_of"))
        visible = ProgressUpdate.objects.of_action_visible_to(user, action, may_write=can_write)
        updates = {
            update.round_id: update
            for update in visible.select_related("author", "submitted_by", "accepted_by").order_by()
        }
        context["timeline"] = [
            _timeline_entry(progress_round, updates.get(progress_round.pk), user, can_write=can_write)
            for progress_round in rounds
        ]
        context["can_write"] = can_write
        # A review's or the panel's action says where it comes from; a plan action has its objective instead.
        context["source"] = action_sources.source_of(action, user=user)
        context["history"] = change_history(action, rounds, show_drafts=can_write)
        # Carried over from earlier plans: their rounds and accepted progress, read from here.
        context["earlier_plans"] = earlier_progress(action, user=user)
        context["breadcrumbs"] = action_trail(action)
        return context


def _timeline_entry(progress_round, update, user, *, can_write: bool) -> TimelineEntry:
    is_open = can_write and not progress_round.is_closed
    return TimelineEntry(
        progress_round=progress_round,
        update=update,
        can_edit=is_open and workflow.may_edit(user, update),
        can_review=is_open and workflow.may_review(user, update),
    )


class ActionCreateView(PermissionRequiredMixin, VersionedSaveMixin, FormPageMixin, CreateView):
    """A new action under a tree plan's objective, a two-level plan's priority, or in a list plan.

    The latter two store it in the implicit levels (see objectives.models.plan), made inside the save's
    transaction so a refused form leaves nothing behind.
    """

    permission_required = "objectives.add_action"
    form_class = ActionForm

    # Looked up after the permission check, so a refused visitor learns nothing about the parent.
    @cached_property
    def parent(self) -> Objective | Aim | BusinessPlan:
        if "objective_pk" in self.kwargs:
            objectives = Objective.objects.not_hidden().filter(plan__shape=PlanShape.TREE).select_related("plan")
            return get_object_or_404(objectives, pk=self.kwargs["objective_pk"])
        if "aim_pk" in self.kwargs:
            aims = Aim.objects.not_hidden().filter(plan__shape=PlanShape.TWO_LEVEL).select_related("plan")
            return get_object_or_404(aims, pk=self.kwargs["aim_pk"])
        return get_object_or_404(BusinessPlan.objects.filter(shape=PlanShape.LIST), pk=self.kwargs["plan_pk"])

    @cached_property
    def plan(self) -> BusinessPlan:
        return self.parent if isinstance(self.parent, BusinessPlan) else self.parent.plan

    def post(self, request, *args, **kwargs):
        with transaction.atomic():
            response = super().post(request, *args, **kwargs)
            if response.status_code != HTTPStatus.FOUND:
                transaction.set_rollback(True)
        return response

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Action(objective=self.objective(create=self.request.method == "POST"), plan=self.plan)
        return kwargs

    def objective(self, *, create: bool) -> Objective | None:
        """Where the action goes; an implicit one is made only when saving."""
        if isinstance(self.parent, Objective):
            return self.parent
        return action_services.parent_objective(self.parent) if create else None

    def get_initial(self):
        if isinstance(self.parent, BusinessPlan):
            return {"ref": next_number(Action.objects.filter(plan=self.plan).values_list("ref", flat=True))}
        objective = self.objective(create=False)
        refs = objective.actions.values_list("ref", flat=True) if objective else Action.objects.none()
        parent_ref = self.parent.ref if objective is self.parent else self.parent.number
        return {"ref": next_ref(parent_ref, refs)}

    @property
    def submit_label(self):
        return f"Add {in_sentence(self.plan.action_name)}"

    @property
    def success_message(self):
        return f"{self.plan.action_name} {{object.ref}} added."

    def get_heading(self):
        new = f"New {in_sentence(self.plan.action_name)}"
        if isinstance(self.parent, Objective):
            return f"{new} under {in_sentence(self.plan.objective_name)} {self.parent.ref}"
        if isinstance(self.parent, Aim):
            return f"{new} under {in_sentence(self.plan.aim_name)} {self.parent.number}"
        return f"{new} in {self.plan}"

    def get_breadcrumbs(self):
        return plan_crumbs(self.plan)

    def get_cancel_url(self):
        return self.parent.get_absolute_url()

    def save_form(self, form):
        return action_services.add_action(form=form)


class ActionUpdateView(PermissionRequiredMixin, VersionedSaveMixin, HideLinkMixin, FormPageMixin, UpdateView):
    permission_required = "objectives.change_action"
    form_class = ActionForm
    conflict_noun = "this action"
    conflict_template = "objectives/_action_saved.html"

    @property
    def success_message(self):
        return f"{self.object.name} saved."

    def get_queryset(self):
        return Action.objects.visible_to(self.request.user).select_related("objective", "plan")

    def get_heading(self):
        return f"Edit {in_sentence(self.object.name)}"

    def get_breadcrumbs(self):
        return action_crumbs(self.object)

    def save_form(self, form):
        return action_services.save_action(form=form, expected_version=form.cleaned_data["version"])


def action_trail(action: Action | Aim | Objective) -> Crumbs:
    """The breadcrumbs above a page about a plan item: its plan, or the action list for actions outside a plan."""
    return plan_crumbs(action.plan) if action.plan else [("Actions", reverse("objectives:action_list"))]


def action_crumbs(action: Action) -> Crumbs:
    """The breadcrumbs above a page about one action, such as its progress form."""
    return [*action_trail(action), (str(action), action.get_absolute_url())]
