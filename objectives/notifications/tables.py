"""The board manager's e-mail log: every e-mail, newest first, with whether it went and why not."""

import django_tables2 as tables

from core.formats import DATETIME_FORMAT, display_name

from ..models import EmailLog


class EmailLogTable(tables.Table):
    caption = "E-mails matching the filters, newest first"
    created_at = tables.DateTimeColumn(verbose_name="When", format=DATETIME_FORMAT)
    recipient = tables.Column(verbose_name="To", empty_values=(), order_by=("recipient__last_name", "address"))
    kind = tables.Column(verbose_name="Kind")
    subject = tables.Column(verbose_name="Subject", orderable=False)
    status = tables.Column(verbose_name="Outcome")

    class Meta:
        model = EmailLog
        fields = ("created_at", "recipient", "kind", "subject", "status")
        order_by = ("-created_at",)
        empty_text = "No e-mails match these filters."

    def render_recipient(self, record):
        name = display_name(record.recipient)
        return f"{name} ({record.address})" if name else record.address

    def render_status(self, record):
        if record.status == EmailLog.Status.FAILED:
            return f"Failed: {record.error}" if record.error else "Failed"
        return record.get_status_display()
