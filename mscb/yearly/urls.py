from django.urls import path

from .views import drafts, listing, publishing

app_name = "yearly"
urlpatterns = [
    path("", listing.report_list, name="report_list"),
    path("<int:plan_pk>/", drafts.report_detail, name="report_detail"),
    path("<int:plan_pk>/generate/", drafts.report_generate, name="report_generate"),
    path("<int:plan_pk>/file.<str:file_format>", drafts.report_download, name="report_download"),
    path("<int:plan_pk>/sections/<slug:section>/", drafts.NarrativeEditView.as_view(), name="narrative_edit"),
    path("<int:plan_pk>/publish/", publishing.report_publish, name="report_publish"),
    path("published/<int:pk>/", publishing.published_detail, name="published_detail"),
    path("published/<int:pk>/file.<str:file_format>", publishing.published_file, name="published_file"),
    path("published/<int:pk>/prepare-again/", publishing.published_prepare_again, name="published_prepare_again"),
]
