"""The register pages; assurance/urls/__init__.py includes them under /assurance/."""

from django.urls import path

from ..views import register_import, register_list, register_recommendations, source_pages

urlpatterns = [
    path("register/", register_list.RegisterView.as_view(), name="register"),
    path("register/export/<str:file_format>/", register_list.RegisterExportView.as_view(), name="register_export"),
    path("register/import/", register_import.RegisterImportView.as_view(), name="register_import"),
    path(
        "register/import/<str:token>/",
        register_import.RegisterImportConfirmView.as_view(),
        name="register_import_confirm",
    ),
    path("sources/new/", source_pages.SourceCreateView.as_view(), name="source_create"),
    path("sources/<int:pk>/", source_pages.SourceDetailView.as_view(), name="source_detail"),
    path("sources/<int:pk>/edit/", source_pages.SourceUpdateView.as_view(), name="source_update"),
    path(
        "sources/<int:source_pk>/recommendations/new/",
        register_recommendations.RecommendationCreateView.as_view(),
        name="recommendation_create",
    ),
    path(
        "recommendations/<int:pk>/edit/",
        register_recommendations.RecommendationUpdateView.as_view(),
        name="recommendation_update",
    ),
    path(
        "recommendations/<int:pk>/actions/new/",
        register_recommendations.RecommendationActionCreateView.as_view(),
        name="recommendation_action_create",
    ),
]
