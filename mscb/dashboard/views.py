"""The dashboard page: filters, ratings per aim, objective and lead agency, movement, exceptions and trends."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.views.generic import TemplateView

from objectives.models.shapes import in_sentence, plural

from .figures import build_dashboard
from .forms import DashboardForm
from .selectors import dashboard_agencies, dashboard_plans


class DashboardView(PermissionRequiredMixin, TemplateView):
    # Whoever may read the plan and its rounds: readers, the chair, contributors, the manager, training admins.
    permission_required = ("objectives.view_action", "objectives.view_progressround")
    template_name = "mscb/dashboard/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plans = dashboard_plans()
        form = DashboardForm(self.request.GET, plans=plans, agencies=dashboard_agencies())
        context["form"] = form
        if form.is_valid() and "choice" in form.cleaned_data:
            dashboard = build_dashboard(self.request.user, form.cleaned_data["choice"])
            plan = dashboard.choice.plan
            aims = in_sentence(plan.aim_name)
            by_objective = f" and {in_sentence(plan.objective_name)}" if plan.has_objectives else ""
            context.update(
                dashboard=dashboard,
                plan=plan,
                actions_word=in_sentence(plural(plan.action_name)),
                ratings_caption=f"Ratings by {aims}{by_objective}",
                movement_caption=f"Movement by {aims}" if plan.has_aims else "Movement",
                # A list plan's one implicit aim is never shown: its tables have the total alone, as the paper's.
                group_heading=plan.aim_name if plan.has_aims else "Business plan",
            )
        context["has_plans"] = bool(plans)
        return context
