"""Business plans and their structure: aims, objectives and progress rounds."""

from django.contrib import messages
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import CreateView, DetailView, UpdateView
from django_tables2 import SingleTableView

from ..forms import AimForm, ObjectiveForm, PlanForm, RoundForm
from ..models import Action, Aim, BusinessPlan, Objective, ProgressRound
from ..tables import PlanTable


def next_ref(parent: str, refs) -> str:
    """The reference after the highest under a parent: 1.3 after 1.1 and 1.2."""
    last = max((int(ref.rsplit(".", 1)[-1]) for ref in refs), default=0)
    return f"{parent}.{last + 1}"


def plan_crumbs(plan: BusinessPlan | None = None) -> list[tuple[str, str]]:
    """The breadcrumb trail down to a plan's page."""
    crumbs = [("Business plans", reverse("objectives:plan_list"))]
    if plan is not None:
        crumbs.append((str(plan), plan.get_absolute_url()))
    return crumbs


class FormPageMixin:
    """A create or edit page: one heading, breadcrumbs, a cancel link and a success message."""

    template_name = "objectives/form_page.html"
    submit_label = "Save"
    success_message = "Saved."

    def get_heading(self) -> str:
        raise NotImplementedError

    def get_breadcrumbs(self) -> list[tuple[str, str]]:
        raise NotImplementedError

    def get_cancel_url(self) -> str:
        return self.get_breadcrumbs()[-1][1]

    def get_form_kwargs(self):
        # Worked out before the form binds to the object, so a rejected change does not rename the page.
        self.page = {
            "heading": self.get_heading(),
            "breadcrumbs": self.get_breadcrumbs(),
            "cancel_url": self.get_cancel_url(),
            "submit_label": self.submit_label,
        }
        return super().get_form_kwargs()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.page)
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, self.success_message.format(object=self.object))
        return response


class PlanListView(SingleTableView):
    table_class = PlanTable
    template_name = "objectives/plan_list.html"
    table_pagination = {"per_page": 25}

    def get_queryset(self):
        return BusinessPlan.objects.annotate(action_count=Count("actions")).prefetch_related(
            Prefetch("rounds", queryset=ProgressRound.objects.order_by("-as_of"))
        )


class PlanCreateView(FormPageMixin, CreateView):
    model = BusinessPlan
    form_class = PlanForm
    submit_label = "Create business plan"
    success_message = "{object} created."

    def get_heading(self):
        return "New business plan"

    def get_breadcrumbs(self):
        return plan_crumbs()


class PlanUpdateView(FormPageMixin, UpdateView):
    model = BusinessPlan
    form_class = PlanForm
    success_message = "{object} saved."

    def get_heading(self):
        return f"Edit {self.object}"

    def get_breadcrumbs(self):
        return plan_crumbs(self.object)


class PlanDetailView(DetailView):
    template_name = "objectives/plan_detail.html"
    context_object_name = "plan"

    def get_queryset(self):
        # The whole tree in a fixed number of queries, however many actions the plan has.
        actions = Action.objects.with_latest_rag().in_ref_order().prefetch_related("lead_agencies")
        return BusinessPlan.objects.prefetch_related(
            Prefetch("aims", queryset=Aim.objects.order_by("number")),
            Prefetch("aims__objectives", queryset=Objective.objects.in_ref_order()),
            Prefetch("aims__objectives__actions", queryset=actions),
            Prefetch("rounds", queryset=ProgressRound.objects.order_by("-as_of")),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rag_counts"] = Action.objects.filter(plan=self.object).rag_counts()
        context["breadcrumbs"] = plan_crumbs()
        return context


class AimCreateView(FormPageMixin, CreateView):
    form_class = AimForm
    submit_label = "Add aim"
    success_message = "{object} added."

    def dispatch(self, request, *args, **kwargs):
        self.plan = get_object_or_404(BusinessPlan, pk=kwargs["plan_pk"])
        return super().dispatch(request, *args, **kwargs)

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


class AimUpdateView(FormPageMixin, UpdateView):
    form_class = AimForm
    queryset = Aim.objects.select_related("plan")
    success_message = "{object} saved."

    def get_heading(self):
        return f"Edit aim {self.object.number}"

    def get_breadcrumbs(self):
        return plan_crumbs(self.object.plan)

    def get_cancel_url(self):
        return self.object.get_absolute_url()


class ObjectiveCreateView(FormPageMixin, CreateView):
    form_class = ObjectiveForm
    submit_label = "Add objective"
    success_message = "{object} added."

    def dispatch(self, request, *args, **kwargs):
        self.aim = get_object_or_404(Aim.objects.select_related("plan"), pk=kwargs["aim_pk"])
        return super().dispatch(request, *args, **kwargs)

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


class ObjectiveUpdateView(FormPageMixin, UpdateView):
    form_class = ObjectiveForm
    queryset = Objective.objects.select_related("plan", "aim")
    success_message = "{object} saved."

    def get_heading(self):
        return f"Edit objective {self.object.ref}"

    def get_breadcrumbs(self):
        return plan_crumbs(self.object.plan)

    def get_cancel_url(self):
        return self.object.get_absolute_url()


class RoundCreateView(FormPageMixin, CreateView):
    form_class = RoundForm
    submit_label = "Open round"
    success_message = "{object} opened."

    def dispatch(self, request, *args, **kwargs):
        self.plan = get_object_or_404(BusinessPlan, pk=kwargs["plan_pk"])
        return super().dispatch(request, *args, **kwargs)

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


class RoundUpdateView(FormPageMixin, UpdateView):
    form_class = RoundForm
    queryset = ProgressRound.objects.select_related("plan")
    success_message = "{object} saved."

    def get_heading(self):
        return f"Edit {self.object.label}"

    def get_breadcrumbs(self):
        return plan_crumbs(self.object.plan)

    def get_success_url(self):
        return self.object.plan.get_absolute_url() + "#rounds"
