from django.urls import path

from . import feedback_views as views

app_name = "feedback"
urlpatterns = [
    path("", views.FeedbackListView.as_view(), name="list"),
    path("plans/<int:plan_pk>/new/", views.FeedbackCreateView.as_view(), name="create"),
    path("<int:pk>/edit/", views.FeedbackUpdateView.as_view(), name="update"),
    path("<int:pk>/delete/", views.FeedbackDeleteView.as_view(), name="delete"),
]
