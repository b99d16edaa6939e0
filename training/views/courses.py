"""Courses: the list, a course's page with its sessions, and creating or editing one."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import CreateView, DetailView, ListView, UpdateView

from core.formats import long_date
from core.views import Crumbs, FormPageMixin, TablePageMixin, VersionedSaveMixin, trail
from objectives.services.conflicts import save_versioned_form

from ..forms import CourseForm
from ..models import Course, Registration, TrainingSession
from ..tables import CourseTable

Status = Registration.Status


def training_crumbs(course: Course | None = None, session: TrainingSession | None = None) -> Crumbs:
    """The breadcrumb trail down to a course's or a session's page."""
    crumbs = trail("Training", "training:course_list", session.course if session is not None else course)
    if session is not None:
        crumbs.append((long_date(session.starts_at), session.get_absolute_url()))
    return crumbs


class CourseListView(PermissionRequiredMixin, TablePageMixin, ListView):
    permission_required = "training.view_course"
    table_class = CourseTable
    template_name = "training/course_list.html"

    def get_queryset(self):
        upcoming = Q(sessions__starts_at__gte=timezone.now())
        return Course.objects.annotate(upcoming=Count("sessions", filter=upcoming))


class CourseDetailView(PermissionRequiredMixin, DetailView):
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


class CourseCreateView(PermissionRequiredMixin, FormPageMixin, CreateView):
    permission_required = "training.add_course"
    model = Course
    form_class = CourseForm
    submit_label = "Create course"
    success_message = "Course “{object}” created."

    def get_heading(self):
        return "New course"

    def get_breadcrumbs(self):
        return training_crumbs()


class CourseUpdateView(PermissionRequiredMixin, VersionedSaveMixin, FormPageMixin, UpdateView):
    permission_required = "training.change_course"
    model = Course
    form_class = CourseForm
    success_message = "Course “{object}” saved."
    conflict_noun = "this course"
    conflict_template = "training/_course_saved.html"

    def save_form(self, form):
        return save_versioned_form(form, subject=lambda saved: f"the course “{saved}”")

    @cached_property
    def course(self):
        return get_object_or_404(Course, pk=self.kwargs["pk"])

    def get_object(self, queryset=None):
        return self.course

    def get_heading(self):
        return f"Edit {self.course}"

    def get_breadcrumbs(self):
        return training_crumbs(self.course)
