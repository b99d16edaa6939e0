from django.urls import path

from mscb.sso import views

app_name = "sso"
urlpatterns = [
    path("start/", views.start_sign_in, name="start"),
    # The redirect URI to register with the provider: https://<site>/accounts/sso/callback/
    path("callback/", views.finish_sign_in, name="callback"),
]
