from django.urls import path

from .views import cdop, imports, recommendations, register

app_name = "reviews"
urlpatterns = [
    # The register of case reviews
    path("", register.ReviewListView.as_view(), name="review_list"),
    path("new/", register.ReviewCreateView.as_view(), name="review_create"),
    path("<int:pk>/", register.ReviewDetailView.as_view(), name="review_detail"),
    path("<int:pk>/edit/", register.ReviewUpdateView.as_view(), name="review_update"),
    # Recommendations and their actions (edited afterwards on the plan's own action pages)
    path(
        "<int:review_pk>/recommendations/new/",
        recommendations.RecommendationCreateView.as_view(),
        name="recommendation_create",
    ),
    path(
        "recommendations/<int:pk>/edit/",
        recommendations.RecommendationUpdateView.as_view(),
        name="recommendation_update",
    ),
    path(
        "recommendations/<int:pk>/actions/new/",
        recommendations.RecommendationActionCreateView.as_view(),
        name="recommendation_action_create",
    ),
    # A review's recommendations and actions from a spreadsheet
    path("<int:pk>/import/", imports.ReviewImportUploadView.as_view(), name="review_import_upload"),
    path("<int:pk>/import/<str:token>/", imports.ReviewImportConfirmView.as_view(), name="review_import_confirm"),
    # The child death overview panel
    path("cdop/", cdop.CdopYearListView.as_view(), name="cdop_list"),
    path("cdop/new/", cdop.CdopYearCreateView.as_view(), name="cdop_create"),
    path("cdop/<int:pk>/", cdop.CdopYearDetailView.as_view(), name="cdop_detail"),
    path("cdop/<int:pk>/edit/", cdop.CdopYearUpdateView.as_view(), name="cdop_update"),
    path("cdop/<int:pk>/actions/new/", cdop.CdopActionCreateView.as_view(), name="cdop_action_create"),
]
