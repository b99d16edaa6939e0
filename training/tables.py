"""The training lists drawn with django-tables2, and the money format they and the charges report share."""

import django_tables2 as tables
from django.utils.html import format_html

from .models import Course


def money(amount) -> str:
    return f"£{amount:,.2f}"


class CourseTable(tables.Table):
    caption = "Training courses"
    title = tables.Column(linkify=True, verbose_name="Course")
    level = tables.Column()
    duration_hours = tables.Column(verbose_name="Duration", attrs={"td": {"class": "text-end"}})
    upcoming = tables.Column(verbose_name="Upcoming sessions", attrs={"td": {"class": "text-end"}})
    non_attendance_charge = tables.Column(verbose_name="Non-attendance charge", attrs={"td": {"class": "text-end"}})

    class Meta:
        model = Course
        fields = ("title", "level", "duration_hours", "upcoming", "non_attendance_charge")
        order_by = ("title",)
        empty_text = "There are no courses yet."

    def render_title(self, value, record):
        if record.is_active:
            return value
        return format_html('{} <span class="badge text-bg-secondary">No longer offered</span>', value)

    def render_duration_hours(self, value):
        hours = f"{value:g}"
        return f"{hours} hour" if hours == "1" else f"{hours} hours"

    def render_non_attendance_charge(self, value):
        return money(value) if value else "None"
