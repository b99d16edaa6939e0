"""A session's page, creating and editing sessions, and marking attendance."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import CreateView, DetailView, FormView, UpdateView

from core.formats import long_date
from core.views import FormPageMixin, VersionedSaveMixin
from objectives.services.conflicts import save_versioned_form

from .. import services
from ..forms import AttendanceForm, SessionForm
from ..models import Course, Registration, TrainingSession
from .courses import training_crumbs

Status = Registration.Status


def not_started_message(session: TrainingSession) -> str:
    starts = timezone.localtime(session.starts_at)
    return f"The session has not started yet: attendance can be marked from {starts:%H:%M} on {long_date(starts)}."


class SessionDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "training.view_trainingsession"
    template_name = "training/session_detail.html"
    context_object_name = "session"

    def get_queryset(self):
        taken = Q(registrations__status__in=Registration.TAKES_A_PLACE)
        return TrainingSession.objects.select_related("course").annotate(
            taken=Count("registrations", filter=taken),
            waiting=Count("registrations", filter=Q(registrations__status=Status.WAITING)),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # A contributor sees their own agency's people only; the totals above the lists are the session's.
        registrations = (
            Registration.objects.visible_to(self.request.user)
            .filter(session=self.object)
            .select_related("agency")
            .order_by("registered_at", "pk")
        )
        groups = {status: [] for status in Status.values}
        for registration in registrations:
            groups[registration.status].append(registration)
        context.update(
            booked=groups[Status.BOOKED],
            waiting_list=groups[Status.WAITING],
            attended=groups[Status.ATTENDED],
            did_not_attend=groups[Status.DID_NOT_ATTEND],
            cancelled=groups[Status.CANCELLED],
            has_started=self.object.starts_at <= timezone.now(),
            breadcrumbs=training_crumbs(self.object.course),
        )
        return context


class SessionFromUrlMixin:
    """A page about the session in the address, with its course, looked up after the permission check."""

    @cached_property
    def session(self) -> TrainingSession:
        return get_object_or_404(TrainingSession.objects.select_related("course"), pk=self.kwargs["pk"])


class SessionCreateView(PermissionRequiredMixin, FormPageMixin, CreateView):
    permission_required = "training.add_trainingsession"
    model = TrainingSession
    form_class = SessionForm
    submit_label = "Create session"
    success_message = "Session created."

    @cached_property
    def course(self):
        return get_object_or_404(Course, pk=self.kwargs["course_pk"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = TrainingSession(course=self.course)
        return kwargs

    def get_heading(self):
        return f"New session of {self.course}"

    def get_breadcrumbs(self):
        return training_crumbs(self.course)


class SessionUpdateView(PermissionRequiredMixin, SessionFromUrlMixin, VersionedSaveMixin, FormPageMixin, UpdateView):
    permission_required = "training.change_trainingsession"
    form_class = SessionForm
    success_message = "Session saved."
    conflict_noun = "this session"
    conflict_template = "training/_session_saved.html"

    def save_form(self, form):
        return save_versioned_form(form, subject=lambda saved: f"the session of {saved}")

    def get_object(self, queryset=None):
        return self.session

    def get_heading(self):
        return f"Edit the session of {self.session}"

    def get_breadcrumbs(self):
        return training_crumbs(session=self.session)


class SessionPageMixin(PermissionRequiredMixin, SessionFromUrlMixin):
    permission_required = "training.change_registration"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(session=self.session, breadcrumbs=training_crumbs(session=self.session))
        # Both the attendance page and the register import say when marking opens, until the session starts.
        if self.session.starts_at > timezone.now():
            context["not_started"] = not_started_message(self.session)
        return context


class AttendanceView(SessionPageMixin, FormView):
    form_class = AttendanceForm
    template_name = "training/attendance.html"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        taking_places = self.session.registrations.filter(status__in=Registration.TAKES_A_PLACE)
        registrations = taking_places.select_related("agency")
        kwargs["registrations"] = registrations.order_by("attendee_name", "pk")
        return kwargs

    def form_valid(self, form):
        try:
            marked = services.mark_attendance(session=self.session, outcomes=form.outcomes())
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Attendance saved ({marked} changed).")
        return redirect(self.session)

    def post(self, request, *args, **kwargs):
        if self.session.starts_at > timezone.now():
            messages.error(request, not_started_message(self.session))
            return redirect("training:attendance", pk=self.session.pk)
        return super().post(request, *args, **kwargs)
