"""The audits pages; assurance/urls/__init__.py includes them under /assurance/."""

from django.urls import path

from ..views import audit_detail, audit_edit, audit_grading, audit_parts, audit_recommendations

urlpatterns: list = [
    path("audits/new/", audit_edit.AuditCreateView.as_view(), name="audit_create"),
    path("audits/<int:pk>/", audit_detail.AuditDetailView.as_view(), name="audit_detail"),
    path("audits/<int:pk>/edit/", audit_edit.AuditUpdateView.as_view(), name="audit_update"),
    path("audits/<int:pk>/questions/new/", audit_parts.QuestionCreateView.as_view(), name="audit_question_create"),
    path("audits/<int:pk>/cases/new/", audit_parts.CasesCreateView.as_view(), name="audit_cases_create"),
    path(
        "audits/<int:pk>/grading/<int:agency_pk>/",
        audit_grading.AuditGradingView.as_view(),
        name="audit_grading",
    ),
    path("audits/<int:pk>/complete/", audit_parts.AuditCompleteView.as_view(), name="audit_complete"),
    path(
        "audits/<int:pk>/recommendations/new/",
        audit_recommendations.AuditRecommendationCreateView.as_view(),
        name="audit_recommendation_create",
    ),
    path(
        "audits/recommendations/<int:pk>/actions/new/",
        audit_recommendations.AuditRecommendationActionCreateView.as_view(),
        name="audit_recommendation_action_create",
    ),
]
