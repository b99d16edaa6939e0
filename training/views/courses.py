"""Courses: the list, a course's page with its sessions, and creating or editing one."""

import django_tables2 as tables
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.views.generic import CreateView, DetailView, UpdateView
from django_tables2 import SingleTableView

from core.formats import long_date
from objectives.views.plans import FormPageMixin, RoleRequiredMixin

from ..forms import CourseForm
from ..models import Course, Registration, TrainingSession

Status = Registration.Status


def training_crumbs(course: Course | None = None, session: TrainingSession | None = None) -> list[tuple[str, str]]:
    """The breadcrumb trail down to a course's or a session's page."""
    crumbs = [("Training", reverse("training:course_list"))]
    course = session.course if session is not None else course
    if course is not None:
        crumbs.append((str(course), course.get_absolute_url()))
    if session is not None:
        crumbs.append((long_date(session.starts_at), session.get_absolute_url()))
    return crumbs


def money(amount) -> str:
    return f"£{amount:,.2f}"


class CourseTable(tables.Table):
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
        attrs = {"class": "table table-striped align-middle"}

    def render_title(self, value, record):
        if record.is_active:
            return value
        return format_html('{} <span class="badge text-bg-secondary">No longer offered</span>', value)

    def render_duration_hours(self, value):
        hours = f"{value:g}"
        return f"{hours} hour" if hours == "1" else f"{hours} hours"

    def render_non_attendance_charge(self, value):
        return money(value) if value else "None"


class CourseListView(RoleRequiredMixin, SingleTableView):
    permission_required = "training.view_course"
    table_class = CourseTable
    template_name = "training/course_list.html"
    table_pagination = {"per_page": 25}

    def get_queryset(self):
        upcoming = Q(sessions__starts_at__gte=timezone.now())
        return Course.objects.annotate(upcoming=Count("sessions", filter=upcoming))


class CourseDetailView(RoleRequiredMixin, DetailView):
    permission_required = "training.view_course"
    model = Course
    template_name = "training/course_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = {
            name: Count("registrations", filter=Q(registrations__status__in=statuses))
            for name, statuses in [
                ("booked", [Status.BOOKED, Status.ATTENDED, Status.DID_NOT_ATTEND]),
                ("waiting", [Status.WAITING]),
                ("attended", [Status.ATTENDED]),
                ("did_not_attend", [Status.DID_NOT_ATTEND]),
            ]
        }
        context["sessions"] = self.object.sessions.annotate(**counts).order_by("starts_at", "pk")
        context["objectives"] = self.object.objectives.select_related("plan").order_by("-plan__starts_on", "sort_key")
        context["breadcrumbs"] = training_crumbs()
        return context


class CourseCreateView(RoleRequiredMixin, FormPageMixin, CreateView):
    permission_required = "training.add_course"
    model = Course
    form_class = CourseForm
    submit_label = "Create course"
    success_message = "Course “{object}” created."

    def get_heading(self):
        return "New course"

    def get_breadcrumbs(self):
        return training_crumbs()


class CourseUpdateView(RoleRequiredMixin, FormPageMixin, UpdateView):
    permission_required = "training.change_course"
    model = Course
    form_class = CourseForm
    success_message = "Course “{object}” saved."

    @cached_property
    def course(self):
        return get_object_or_404(Course, pk=self.kwargs["pk"])

    def get_object(self, queryset=None):
        return self.course

    def get_heading(self):
        return f"Edit {self.course}"

    def get_breadcrumbs(self):
        return training_crumbs(self.course)
