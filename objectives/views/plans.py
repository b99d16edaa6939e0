"""Business plans and their structure: aims, objectives and progress rounds."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.views.generic import CreateView, DetailView, ListView, UpdateView

from core.views import Crumbs, FormPageMixin, TablePageMixin, trail

from ..forms import AimForm, ObjectiveForm, PlanForm, RoundForm
from ..models import Action, Aim, BusinessPlan, Objective, ProgressRound
from ..tables import PlanTable
from ..templatetags.deletion_tags import delete_url


def next_ref(parent: str, refs) -> str:
    """The reference after the highest under a parent: 1.3 after 1.1 and 1.2."""
    last = max((int(ref.rsplit(".", 1)[-1]) for ref in refs), default=0)
    return f"{parent}.{last + 1}"


def plan_crumbs(plan: BusinessPlan | None = None) -> Crumbs:
    """The breadcrumb trail down to a plan's page."""
    return trail("Business plans", "objectives:plan_list", plan)


class HideLinkMixin:
    """An aim's, objective's or action's edit page links to hiding it, for those who may hide it."""

    def get_delete_url(self):
        return delete_url({"request": self.request}, self.object)


class PlanListView(PermissionRequiredMixin, TablePageMixin, ListView):
    permission_required = "objectives.view_businessplan"
    table_class = PlanTable
    template_name = "objectives/plan_list.html"

    def get_queryset(self):
        shown = Action.objects.not_hidden().filter(plan=OuterRef("pk")).values("plan").annotate(total=Count("pk"))
        return BusinessPlan.objects.annotate(
            action_count=Coalesce(Subquery(shown.values("total")), 0)
        ).prefetch_related(Prefetch("rounds", queryset=ProgressRound.objects.order_by("-as_of")))


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


class PlanUpdateView(PermissionRequiredMixin, FormPageMixin, UpdateView):
    permission_required = "objectives.change_businessplan"
    model = BusinessPlan
    form_class = PlanForm
    success_message = "{object} saved."

    def get_heading(self):
        return f"Edit {self.object}"

    def get_breadcrumbs(self):
        return plan_crumbs(self.object)


class PlanDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "objectives.view_businessplan"
    template_name = "objectives/plan_detail.html"
    context_object_name = "plan"

    def get_queryset(self):
        # The whole tree in a fixed number of queries, however many actions the plan has.
        actions = (
            Action.objects.visible_to(self.request.user)
            .with_latest_rag()
            .in_ref_order()
            .prefetch_related("lead_agencies")
        )
        return BusinessPlan.objects.prefetch_related(
            Prefetch("aims", queryset=Aim.objects.not_hidden().order_by("number")),
            Prefetch("aims__objectives", queryset=Objective.objects.not_hidden().in_ref_order()),
            Prefetch("aims__objectives__actions", queryset=actions),
            Prefetch("rounds", queryset=ProgressRound.objects.order_by("-as_of")),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shown = Action.objects.visible_to(self.request.user).filter(plan=self.object, objective__isnull=False)
        context["rag_counts"] = shown.rag_counts()
        context["breadcrumbs"] = plan_crumbs()
        return context


class AimCreateView(PermissionRequiredMixin, FormPageMixin, CreateView):
    permission_required = "objectives.add_aim"
    form_class = AimForm
    submit_label = "Add aim"
    success_message = "{object} added."

    # Looked up on first use, after the permission check, so a refused visitor learns nothing about the plan.
    @cached_property
    def plan(self):
        return get_object_or_404(BusinessPlan, pk=self.kwargs["plan_pk"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Aim(plan=self.plan)
        return kwargs

    def get_initial(self):
        numbers = self.plan.aims.values_list("number", flat=True)
        return {"number": max(numbers, default=0) + 1}

    def get_heading(self):
        return f"New aim in {self.plan}"

    def get_breadcrumbs(self):
        return plan_crumbs(self.plan)


class AimUpdateView(PermissionRequiredMixin, HideLinkMixin, FormPageMixin, UpdateView):
    permission_required = "objectives.change_aim"
    form_class = AimForm
    queryset = Aim.objects.not_hidden().select_related("plan")
    success_message = "{object} saved."

    def get_heading(self):
        return f"Edit aim {self.object.number}"

    def get_breadcrumbs(self):
        return plan_crumbs(self.object.plan)

    def get_cancel_url(self):
        return self.object.get_absolute_url()


class ObjectiveCreateView(PermissionRequiredMixin, FormPageMixin, CreateView):
    permission_required = "objectives.add_objective"
    form_class = ObjectiveForm
    submit_label = "Add objective"
    success_message = "{object} added."

    @cached_property
    def aim(self):
        return get_object_or_404(Aim.objects.not_hidden().select_related("plan"), pk=self.kwargs["aim_pk"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Objective(aim=self.aim, plan=self.aim.plan)
        return kwargs

    def get_initial(self):
        return {"ref": next_ref(self.aim.number, self.aim.objectives.values_list("ref", flat=True))}

    def get_heading(self):
        return f"New objective under aim {self.aim.number}"

    def get_breadcrumbs(self):
        return plan_crumbs(self.aim.plan)

    def get_cancel_url(self):
        return self.aim.get_absolute_url()


class ObjectiveUpdateView(PermissionRequiredMixin, HideLinkMixin, FormPageMixin, UpdateView):
    permission_required = "objectives.change_objective"
    form_class = ObjectiveForm
    queryset = Objective.objects.not_hidden().select_related("plan", "aim")
    success_message = "{object} saved."

    def get_heading(self):
        return f"Edit objective {self.object.ref}"

    def get_breadcrumbs(self):
        return plan_crumbs(self.object.plan)

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

    def get_breadcrumbs(self):
        return plan_crumbs(self.plan)

    def get_success_url(self):
        return self.plan.get_absolute_url() + "#rounds"


class RoundUpdateView(PermissionRequiredMixin, FormPageMixin, UpdateView):
    permission_required = "objectives.change_progressround"
    form_class = RoundForm
    queryset = ProgressRound.objects.select_related("plan")
    success_message = "{object} saved."

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
