"""The removal log on the retention page: newest first, by reference, never a person's name."""

import django_tables2 as tables

from core.formats import DATETIME_FORMAT, display_name
from mscb.models import RetentionRemoval


class RetentionRemovalTable(tables.Table):
    caption = "What was removed, newest first"
    happened_at = tables.DateTimeColumn(verbose_name="When", format=DATETIME_FORMAT, orderable=False)
    kind = tables.Column(verbose_name="What", orderable=False)
    count = tables.Column(verbose_name="How many", orderable=False)
    reason = tables.Column(verbose_name="Why", orderable=False)
    done_by = tables.Column(verbose_name="By", empty_values=(), orderable=False)
    detail = tables.Column(verbose_name="Which", orderable=False)

    class Meta:
        model = RetentionRemoval
        fields = ("happened_at", "kind", "count", "reason", "done_by", "detail")
        empty_text = "Nothing has been removed yet."

    def render_done_by(self, record):
        return display_name(record.done_by, missing="The daily run")
