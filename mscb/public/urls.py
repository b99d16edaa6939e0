"""The public pages (/public/): the only pages of the site open without signing in; and the board manager's
pages that decide what they show (/public/manage/…, managers only)."""

from django.urls import path

from . import manage_views, views

app_name = "public"
urlpatterns = [
    path("", views.index, name="index"),
    path("reports/<int:pk>/", views.document_detail, {"kind": "reports"}, name="report_detail"),
    path("reports/<int:pk>/file.<str:file_format>", views.document_file, {"kind": "reports"}, name="report_file"),
    path("yearly-reports/<int:pk>/", views.document_detail, {"kind": "yearly-reports"}, name="yearly_detail"),
    path(
        "yearly-reports/<int:pk>/file.<str:file_format>",
        views.document_file,
        {"kind": "yearly-reports"},
        name="yearly_file",
    ),
    path("manage/", manage_views.ManageView.as_view(), name="manage"),
    path("manage/words/", manage_views.ProfileEditView.as_view(), name="profile_edit"),
    path("manage/<str:kind>/<int:pk>/make-public/", manage_views.mark, {"step": "make-public"}, name="make_public"),
    path("manage/<str:kind>/<int:pk>/withdraw/", manage_views.mark, {"step": "withdraw"}, name="withdraw"),
    path("manage/reports/<int:pk>/progress-text/", manage_views.report_progress, name="report_progress"),
]
