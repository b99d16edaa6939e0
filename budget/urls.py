from django.urls import path

from .views import contributions, pages, spend_lines

app_name = "budget"
urlpatterns = [
    path("", pages.BudgetIndexView.as_view(), name="index"),
    path("plans/<int:plan_pk>/", pages.PlanBudgetView.as_view(), name="plan_budget"),
    path(
        "plans/<int:plan_pk>/contributions/new/",
        contributions.ContributionCreateView.as_view(),
        name="contribution_create",
    ),
    path("contributions/<int:pk>/edit/", contributions.ContributionUpdateView.as_view(), name="contribution_update"),
    path("contributions/<int:pk>/delete/", contributions.ContributionDeleteView.as_view(), name="contribution_delete"),
    path("plans/<int:plan_pk>/spend/new/", spend_lines.SpendLineCreateView.as_view(), name="spend_line_create"),
    path("spend/<int:pk>/edit/", spend_lines.SpendLineUpdateView.as_view(), name="spend_line_update"),
    path("spend/<int:pk>/delete/", spend_lines.SpendLineDeleteView.as_view(), name="spend_line_delete"),
]
