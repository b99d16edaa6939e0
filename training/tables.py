"""The training lists drawn with django-tables2, and the money format they and the charges report share."""

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.formats import DATE_FORMAT, long_date

from .models import Course, TrainingFigure


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


class TrainingFigureTable(tables.Table):
    caption = "Training recorded by the board, newest first"
    course_title = tables.Column(verbose_name="Course")
    period = tables.Column(accessor="period_text", verbose_name="When", orderable=False)
    attended = tables.Column(verbose_name="Attended", attrs={"td": {"class": "text-end"}})
    provider = tables.Column(default="The board")
    note = tables.Column(default="")
    change = tables.TemplateColumn(
        template_name="training/_figure_links.html",
        verbose_name=mark_safe('<span class="visually-hidden">Change</span>'),
        empty_values=(),
    )

    class Meta:
        model = TrainingFigure
        fields = ("course_title", "period", "attended", "provider", "note", "change")
        orderable = False
        empty_text = "No training figures recorded yet."


class PaperPeriodTable(tables.Table):
    caption = "Progress rounds, newest first, with the training their paper counts"
    round = tables.Column(accessor="label", verbose_name="Round")
    plan = tables.Column(accessor="plan__title", verbose_name="Business plan")
    starts_on = tables.Column(empty_values=(), verbose_name="Training counted from")
    as_of = tables.DateColumn(DATE_FORMAT, verbose_name="To (the round's as-of date)")
    change = tables.TemplateColumn(
        template_name="training/_paper_period_link.html",
        verbose_name=mark_safe('<span class="visually-hidden">Change</span>'),
        empty_values=(),
    )

    class Meta:
        orderable = False

    def render_starts_on(self, record):
        period = getattr(record, "training_paper_period", None)
        if period is None:
            return f"{long_date(record.plan.starts_on)} (the plan's start)"
        return long_date(period.starts_on)
