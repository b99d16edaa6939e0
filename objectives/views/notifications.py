"""E-mail: each person's own settings, and the board manager's log of every e-mail sent."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView
from django_filters.views import FilterView

from core.views import Crumbs, FormPageMixin, TablePageMixin

from ..models import EmailLog
from ..notifications.forms import EmailLogFilter, EmailSettingsForm
from ..notifications.kinds import kinds_for
from ..notifications.preferences import preferences_of, save_preferences
from ..notifications.tables import EmailLogTable


class EmailSettingsView(FormPageMixin, FormView):
    """Everyone signed in chooses for themselves; nobody else's settings are reachable."""

    form_class = EmailSettingsForm
    template_name = "objectives/email_settings.html"
    submit_label = "Save e-mail settings"

    def get_heading(self):
        return "E-mail settings"

    def get_breadcrumbs(self) -> Crumbs:
        return []

    def get_cancel_url(self):
        return reverse("home")

    def get_initial(self):
        return preferences_of(self.request.user)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "kinds": kinds_for(self.request.user)}

    def form_valid(self, form):
        save_preferences(user=self.request.user, choices=form.cleaned_data)
        messages.success(self.request, "E-mail settings saved.")
        return redirect("objectives:email_settings")


class EmailLogView(PermissionRequiredMixin, TablePageMixin, FilterView):
    permission_required = "objectives.review_progressupdate"
    table_class = EmailLogTable
    filterset_class = EmailLogFilter
    template_name = "objectives/email_log.html"

    def get_queryset(self):
        return EmailLog.objects.for_table()
