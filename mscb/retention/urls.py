from django.urls import path

from . import views

app_name = "retention"
urlpatterns = [
    path("", views.RetentionView.as_view(), name="index"),
    path("people/", views.PersonView.as_view(), name="people"),
    path("people/download/", views.PersonExportView.as_view(), name="person_export"),
    path("people/erase/", views.PersonEraseView.as_view(), name="person_erase"),
]
