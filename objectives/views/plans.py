"""Business plans and their structure: aims, objectives and progress rounds."""

import re
from collections import Counter, defaultdict

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import CreateView, DetailView, ListView, UpdateView

from core.queries import count_of
from core.views import Crumbs, FormPageMixin, TablePageMixin, VersionedSaveMixin, trail

from ..forms import AimForm, ObjectiveForm, RoundForm
from ..models import Action, Aim, BusinessPlan, Objective, PlanShape, ProgressRound, ProgressUpdate
from ..models.shapes import in_sentence, level_words
from ..notifications import events
from ..plan_forms import PlanForm
from ..selectors.report import lead_agency_lists
from ..services.conflicts import save_versioned_form
from ..tables import PlanTable
from ..templatetags.deletion_tags import delete_url


def next_ref(parent: str, refs) -> str:
    """The reference after the highest numbered from a parent: 1.3 after 1.1 and 1.2.

    Blank when the references already there are numbered some other way: the board knows its own pattern.
    """
    refs = list(refs)
    numbers = [int(match[1]) for ref in refs if (match := re.fullmatch(re.escape(parent) + r"\.(\d+)", ref))]
    if refs and not numbers:
        return ""
    return f"{parent}.{max(numbers, default=0) + 1}"


def next_number(refs) -> str:
    """The whole number after the highest that a reference starts with: 2 after 1a and 1b; blank if none does."""
    refs = list(refs)
    numbers = [int(match[0]) for ref in refs if (match := re.match(r"\d+", ref))]
    if refs and not numbers:
        return ""
    return str(max(numbers, default=0) + 1)


def plan_crumbs(plan: BusinessPlan | None = None) -> Crumbs:
    """The breadcrumb trail down to a plan's page."""
    return trail("Business plans", "objectives:plan_list", plan)


def round_crumbs(progress_round: ProgressRound) -> Crumbs:
    """The breadcrumb trail down to a round's page, through its plan's."""
    round_url = reverse("objectives:round_detail", args=[progress_round.pk])
    return [*plan_crumbs(progress_round.plan), (progress_round.label, round_url)]


class HideLinkMixin:
    """An aim's, objective's or action's edit page links to hiding it, for those who may hide it."""

    def get_delete_url(self):
        return delete_url({"request": self.request}, self.object)


class PlanListView(PermissionRequiredMixin, TablePageMixin, ListView):
    permission_required = "objectives.view_businessplan"
    table_class = PlanTable
    template_name = "objectives/plan_list.html"

    def get_queryset(self):
        # The plan's own actions, as its page shows them: a case review's or the CDOP's actions have no objective.
        shown = Action.objects.not_hidden().filter(objective__isnull=False)
        rounds = Prefetch("rounds", queryset=ProgressRound.objects.order_by("-as_of"))
        return BusinessPlan.objects.annotate(action_count=count_of(shown, "plan")).prefetch_related(rounds)


class PlanCreateView(PermissionRequiredMixin, FormPageMixin, CreateView):
    permission_required = "objectives.add_businessplan"
    model = BusinessPlan
    form_class = PlanForm
    submit_label = "Create business plan"
    success_message = "{object} created."

    def get_heading(self):
        return "New business plan"

    def get_breadcrumbs(self):
        return plan_crumbs()


class PlanUpdateView(PermissionRequiredMixin, VersionedSaveMixin, FormPageMixin, UpdateView):
    permission_required = "objectives.change_businessplan"
    model = BusinessPlan
    form_class = PlanForm
    success_message = "{object} saved."
    conflict_noun = "this plan"
    conflict_template = "objectives/_plan_saved.html"

    def save_form(self, form):
        return save_versioned_form(form, subject=lambda saved: f"the plan {saved}")

    def get_heading(self):
        return f"Edit {self.object}"

    def get_breadcrumbs(self):
        return plan_crumbs(self.object)


class PlanDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "objectives.view_businessplan"
    template_name = "objectives/plan_detail.html"
    context_object_name = "plan"

    def get_queryset(self):
        return BusinessPlan.objects.with_scale().prefetch_related(
            Prefetch("rounds", queryset=ProgressRound.objects.order_by("-as_of"))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = self.object
        aims, actions = plan_tree(plan, user=self.request.user)
        # Counted from the rows the page lists, rather than asked of the database a second time.
        context["rag_counts"] = plan.scale.counted(Counter(action.latest_rag for action in actions).items())
        context["breadcrumbs"] = plan_crumbs()
        context["level"] = level_words(plan)
        # Two-level and list plans show actions straight under their priorities, or in one list: the
        # implicit levels they are stored in never appear.
        context["aims"] = [
            (aim, [action for objective in aim.shown_objectives for action in objective.shown_actions]) for aim in aims
        ]
        context["list_actions"] = actions
        return context


def plan_tree(plan: BusinessPlan, *, user) -> tuple[list[Aim], list[Action]]:
    """The plan's aims, each with its `shown_objectives`, each with its `shown_actions` in natural reference order;
    and all those actions, each with its `latest_rag` and `lead_agency_list`. Five queries however big the plan.

    Flat lists joined up here, not nested prefetches: a prefetch clones a queryset and makes a related manager for
    every row, which cost more than the queries themselves on a plan of 1,000 actions.
    """
    aims = list(Aim.objects.not_hidden().filter(plan=plan).order_by("sort_key"))
    objectives = list(Objective.objects.not_hidden().filter(plan=plan).in_ref_order())
    # Hidden (deleted) items, and whatever sits under them, never show.
    actions = list(
        Action.objects.visible_to(user).filter(plan=plan, objective__isnull=False).order_by("sort_key", "pk")
    )
    # One windowed pass over the plan's accepted updates: a third of the time of a subquery per action at 1,000.
    latest = ProgressUpdate.objects.accepted().filter(action__plan=plan).latest_per_action()
    latest_rags = dict(latest.values_list("action_id", "rag").order_by())
    leads = lead_agency_lists(Action.objects.filter(plan=plan))
    actions_by_objective = defaultdict(list)
    for action in actions:
        action.lead_agency_list = leads[action.pk]
        # None is no accepted update at all ("No update"); "" a rating left blank.
        action.latest_rag = latest_rags.get(action.pk)
        actions_by_objective[action.objective_id].append(action)
    objectives_by_aim = defaultdict(list)
    for objective in objectives:
        objective.shown_actions = actions_by_objective[objective.pk]
        objectives_by_aim[objective.aim_id].append(objective)
    for aim in aims:
        aim.shown_objectives = objectives_by_aim[aim.pk]
    return aims, actions


class PlanItemMixin:
    """Pages about a plan's aims and objectives: headings in the plan's own level names."""

    def level(self, field: str) -> str:
        return in_sentence(getattr(self.get_plan(), field))

    def get_plan(self) -> BusinessPlan:
        raise NotImplementedError

    def get_breadcrumbs(self):
        return plan_crumbs(self.get_plan())


class AimCreateView(PermissionRequiredMixin, PlanItemMixin, FormPageMixin, CreateView):
    permission_required = "objectives.add_aim"
    form_class = AimForm

    # Looked up on first use, after the permission check, so a refused visitor learns nothing about the plan.
    # A list plan has no top level to add to.
    @cached_property
    def plan(self):
        return get_object_or_404(BusinessPlan.objects.exclude(shape=PlanShape.LIST), pk=self.kwargs["plan_pk"])

    def get_plan(self):
        return self.plan

    @property
    def submit_label(self):
        return f"Add {self.level('aim_name')}"

    @property
    def success_message(self):
        return f"{self.plan.aim_name} {{object.number}} added."

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Aim(plan=self.plan)
        return kwargs

    def get_initial(self):
        return {"number": next_number(self.plan.aims.values_list("number", flat=True))}

    def get_heading(self):
        return f"New {self.level('aim_name')} in {self.plan}"


class AimUpdateView(
    PermissionRequiredMixin, PlanItemMixin, HideLinkMixin, VersionedSaveMixin, FormPageMixin, UpdateView
):
    permission_required = "objectives.change_aim"
    form_class = AimForm
    conflict_template = "objectives/_aim_saved.html"
    queryset = Aim.objects.not_hidden().exclude(plan__shape=PlanShape.LIST).select_related("plan")

    def get_plan(self):
        return self.object.plan

    @property
    def success_message(self):
        return f"{self.object.plan.aim_name} {{object.number}} saved."

    @property
    def conflict_noun(self):
        return f"this {self.level('aim_name')}"

    def get_heading(self):
        return f"Edit {self.level('aim_name')} {self.object.number}"

    def save_form(self, form):
        aim_name = self.level("aim_name")
        return save_versioned_form(form, subject=lambda saved: f"{aim_name} {saved.number}")

    def get_cancel_url(self):
        return self.object.get_absolute_url()


class ObjectiveCreateView(PermissionRequiredMixin, PlanItemMixin, FormPageMixin, CreateView):
    permission_required = "objectives.add_objective"
    form_class = ObjectiveForm

    # Only a tree plan shows its middle level; the others' is implicit.
    @cached_property
    def aim(self):
        aims = Aim.objects.not_hidden().filter(plan__shape=PlanShape.TREE).select_related("plan")
        return get_object_or_404(aims, pk=self.kwargs["aim_pk"])

    def get_plan(self):
        return self.aim.plan

    @property
    def submit_label(self):
        return f"Add {self.level('objective_name')}"

    @property
    def success_message(self):
        return f"{self.aim.plan.objective_name} {{object.ref}} added."

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Objective(aim=self.aim, plan=self.aim.plan)
        return kwargs

    def get_initial(self):
        return {"ref": next_ref(self.aim.number, self.aim.objectives.values_list("ref", flat=True))}

    def get_heading(self):
        return f"New {self.level('objective_name')} under {self.level('aim_name')} {self.aim.number}"

    def get_cancel_url(self):
        return self.aim.get_absolute_url()


class ObjectiveUpdateView(
    PermissionRequiredMixin, PlanItemMixin, HideLinkMixin, VersionedSaveMixin, FormPageMixin, UpdateView
):
    permission_required = "objectives.change_objective"
    form_class = ObjectiveForm
    conflict_template = "objectives/_objective_saved.html"
    queryset = Objective.objects.not_hidden().filter(plan__shape=PlanShape.TREE).select_related("plan", "aim")

    def get_plan(self):
        return self.object.plan

    @property
    def success_message(self):
        return f"{self.object.plan.objective_name} {{object.ref}} saved."

    @property
    def conflict_noun(self):
        return f"this {self.level('objective_name')}"

    def get_heading(self):
        return f"Edit {self.level('objective_name')} {self.object.ref}"

    def save_form(self, form):
        objective_name = self.level("objective_name")
        return save_versioned_form(form, subject=lambda saved: f"{objective_name} {saved.ref}")

    def get_cancel_url(self):
        return self.object.get_absolute_url()


class RoundCreateView(PermissionRequiredMixin, FormPageMixin, CreateView):
    permission_required = "objectives.add_progressround"
    form_class = RoundForm
    submit_label = "Open round"
    success_message = "{object} opened."

    @cached_property
    def plan(self):
        return get_object_or_404(BusinessPlan, pk=self.kwargs["plan_pk"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = ProgressRound(plan=self.plan)
        return kwargs

    def get_heading(self):
        return f"New progress round for {self.plan}"

    def form_valid(self, form):
        response = super().form_valid(form)
        # Only a round a person opens is announced: an imported plan's rounds are its history.
        events.round_opened(self.object, opened_by=self.request.user)
        return response

    def get_breadcrumbs(self):
        return plan_crumbs(self.plan)

    def get_success_url(self):
        return self.plan.get_absolute_url() + "#rounds"


class RoundUpdateView(PermissionRequiredMixin, VersionedSaveMixin, FormPageMixin, UpdateView):
    permission_required = "objectives.change_progressround"
    form_class = RoundForm
    queryset = ProgressRound.objects.select_related("plan")
    success_message = "{object} saved."
    conflict_noun = "this round"
    conflict_template = "objectives/_round_saved.html"

    def save_form(self, form):
        return save_versioned_form(form, subject=lambda saved: saved.label)

    def get(self, request, *args, **kwargs):
        return self._refuse_if_closed() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._refuse_if_closed() or super().post(request, *args, **kwargs)

    def _refuse_if_closed(self):
        # A closed round is what the committee was told: reopen it first to change its dates.
        progress_round = self.get_object()
        if not progress_round.is_closed:
            return None
        messages.error(self.request, f"{progress_round.label} is closed: reopen it to change its dates.")
        return redirect(progress_round.plan.get_absolute_url() + "#rounds")

    def get_heading(self):
        return f"Edit {self.object.label}"

    def get_breadcrumbs(self):
        return plan_crumbs(self.object.plan)

    def get_success_url(self):
        return self.object.plan.get_absolute_url() + "#rounds"
