from django.urls import path

from .views import charges, courses, evaluation, figures, imports, paper_periods, registrations, sessions, uptake

app_name = "training"
urlpatterns = [
    path("", courses.CourseListView.as_view(), name="course_list"),
    path("courses/new/", courses.CourseCreateView.as_view(), name="course_create"),
    path("courses/<int:pk>/", courses.CourseDetailView.as_view(), name="course_detail"),
    path("courses/<int:pk>/edit/", courses.CourseUpdateView.as_view(), name="course_update"),
    path("courses/<int:pk>/results/", evaluation.CourseResultsView.as_view(), name="course_results"),
    path("courses/<int:course_pk>/sessions/new/", sessions.SessionCreateView.as_view(), name="session_create"),
    path("sessions/<int:pk>/", sessions.SessionDetailView.as_view(), name="session_detail"),
    path("sessions/<int:pk>/edit/", sessions.SessionUpdateView.as_view(), name="session_update"),
    path("sessions/<int:pk>/attendance/", sessions.AttendanceView.as_view(), name="attendance"),
    path("sessions/<int:pk>/register/", imports.RegisterImportView.as_view(), name="register_import"),
    path("sessions/<int:pk>/results/", evaluation.SessionResultsView.as_view(), name="session_results"),
    path("sessions/<int:pk>/send-evaluations/", evaluation.send_evaluation_links, name="send_evaluation_links"),
    path("sessions/<int:pk>/book/", registrations.RegistrationCreateView.as_view(), name="registration_create"),
    path("registrations/<int:pk>/edit/", registrations.RegistrationUpdateView.as_view(), name="registration_update"),
    path("registrations/<int:pk>/cancel/", registrations.RegistrationCancelView.as_view(), name="registration_cancel"),
    path("charges/", charges.ChargesView.as_view(), name="charges"),
    path("uptake/", uptake.UptakeView.as_view(), name="uptake"),
    # What the committee paper's Training section counts besides bookings, and from when
    path("recorded/", figures.FigureListView.as_view(), name="figure_list"),
    path("recorded/new/", figures.FigureCreateView.as_view(), name="figure_create"),
    path("recorded/<int:pk>/edit/", figures.FigureUpdateView.as_view(), name="figure_update"),
    path("recorded/<int:pk>/delete/", figures.FigureDeleteView.as_view(), name="figure_delete"),
    path("paper/", paper_periods.PaperPeriodListView.as_view(), name="paper_period_list"),
    path("paper/<int:pk>/", paper_periods.PaperPeriodUpdateView.as_view(), name="paper_period"),
    # Attendees answer without an account: the signed link is their key.
    path("evaluate/<str:token>/", evaluation.EvaluationFormView.as_view(), name="evaluation_form"),
]
