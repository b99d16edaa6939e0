"""The security log as a table: newest first, every column stored on the row, so a page is one query."""

import django_tables2 as tables

from core.formats import DATETIME_FORMAT

from .models import SecurityEvent


class SecurityEventTable(tables.Table):
    caption = "Security events, newest first"
    happened_at = tables.DateTimeColumn(verbose_name="When", format=DATETIME_FORMAT, orderable=False)
    kind = tables.Column(verbose_name="What happened", orderable=False)
    username = tables.Column(verbose_name="Username", orderable=False)
    address = tables.Column(verbose_name="Address", orderable=False)
    method = tables.Column(verbose_name="Method", orderable=False)
    path = tables.Column(verbose_name="Page", orderable=False)
    detail = tables.Column(verbose_name="Detail", orderable=False)

    class Meta:
        model = SecurityEvent
        fields = ("happened_at", "kind", "username", "address", "method", "path", "detail")
        empty_text = "No security events match."
