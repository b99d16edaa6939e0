from django.urls import path

from .views import actions, plans, progress, report

app_name = "objectives"
urlpatterns = [
    path("plans/", plans.PlanListView.as_view(), name="plan_list"),
    path("plans/new/", plans.PlanCreateView.as_view(), name="plan_create"),
    path("plans/<int:pk>/", plans.PlanDetailView.as_view(), name="plan_detail"),
    path("plans/<int:pk>/edit/", plans.PlanUpdateView.as_view(), name="plan_update"),
    path("plans/<int:plan_pk>/aims/new/", plans.AimCreateView.as_view(), name="aim_create"),
    path("aims/<int:pk>/edit/", plans.AimUpdateView.as_view(), name="aim_update"),
    path("aims/<int:aim_pk>/objectives/new/", plans.ObjectiveCreateView.as_view(), name="objective_create"),
    path("objectives/<int:pk>/edit/", plans.ObjectiveUpdateView.as_view(), name="objective_update"),
    path("plans/<int:plan_pk>/rounds/new/", plans.RoundCreateView.as_view(), name="round_create"),
    path("rounds/<int:pk>/edit/", plans.RoundUpdateView.as_view(), name="round_update"),
    path("actions/", actions.ActionListView.as_view(), name="action_list"),
    path("objectives/<int:objective_pk>/actions/new/", actions.ActionCreateView.as_view(), name="action_create"),
    path("actions/<int:pk>/", actions.ActionDetailView.as_view(), name="action_detail"),
    path("actions/<int:pk>/edit/", actions.ActionUpdateView.as_view(), name="action_update"),
    path(
        "actions/<int:pk>/progress/<int:round_pk>/",
        progress.ProgressEditView.as_view(),
        name="progress_edit",
    ),
    path("plans/<int:plan_pk>/rounds/<int:pk>/report/", report.ReportView.as_view(), name="report"),
]
