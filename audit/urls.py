from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [
    path("", views.SecurityLogView.as_view(), name="security_log"),
]
