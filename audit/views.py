"""The board manager's security log: read and filter only; nothing here adds, changes or deletes a row."""

from django.conf import settings
from django.contrib.auth.mixins import PermissionRequiredMixin
from django_filters.views import FilterView

from core.views import TablePageMixin

from .filters import SecurityEventFilter
from .models import SecurityEvent
from .tables import SecurityEventTable


class SecurityLogView(PermissionRequiredMixin, TablePageMixin, FilterView):
    permission_required = "audit.view_securityevent"
    table_class = SecurityEventTable
    filterset_class = SecurityEventFilter
    template_name = "audit/security_log.html"
    http_method_names = ["get", "head"]

    def get_queryset(self):
        return SecurityEvent.objects.order_by("-happened_at", "-pk")

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, retention_days=settings.SECURITY_LOG_RETENTION_DAYS)
