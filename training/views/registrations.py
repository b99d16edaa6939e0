"""Booking someone onto a session, correcting their details, and cancelling (after a confirmation page)."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import DetailView, FormView, UpdateView

from core.views import FormPageMixin, VersionedSaveMixin
from objectives.services.conflicts import save_versioned_form

from .. import services
from ..forms import RegistrationForm
from ..models import Registration
from .courses import training_crumbs
from .sessions import SessionFromUrlMixin


class RegistrationCreateView(PermissionRequiredMixin, SessionFromUrlMixin, FormPageMixin, FormView):
    permission_required = "training.add_registration"
    form_class = RegistrationForm
    submit_label = "Book"

    def get_heading(self):
        return f"Book a place on {self.session}"

    def get_breadcrumbs(self):
        return training_crumbs(session=self.session)

    def form_valid(self, form):
        try:
            # A new booking has no version to check; the rest is what book_place takes.
            details = {name: value for name, value in form.cleaned_data.items() if name != "version"}
            registration = services.book_place(session=self.session, **details)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        name = registration.attendee_name
        if registration.status == Registration.Status.WAITING:
            messages.warning(self.request, f"The session is full, so {name} is on the waiting list.")
        else:
            messages.success(self.request, f"{name} is booked.")
        return redirect(self.session)


class RegistrationUpdateView(PermissionRequiredMixin, VersionedSaveMixin, FormPageMixin, UpdateView):
    permission_required = "training.change_registration"
    form_class = RegistrationForm
    success_message = "{object.attendee_name}’s details saved."
    conflict_noun = "this registration"
    conflict_template = "training/_registration_saved.html"

    def save_form(self, form):
        return save_versioned_form(form, subject=lambda saved: f"{saved.attendee_name}’s registration")

    def get_queryset(self):
        return Registration.objects.visible_to(self.request.user).select_related("session__course")

    def get_heading(self):
        return f"Edit {self.object.attendee_name}’s registration"

    def get_breadcrumbs(self):
        return training_crumbs(session=self.object.session)

    def get_success_url(self):
        return self.object.session.get_absolute_url()


class RegistrationCancelView(PermissionRequiredMixin, DetailView):
    """Confirm on GET, cancel on POST: a cancelled booking's place goes at once to the first on the waiting list."""

    permission_required = "training.change_registration"
    template_name = "training/registration_cancel.html"
    context_object_name = "registration"

    def get_queryset(self):
        return Registration.objects.visible_to(self.request.user).select_related("session__course")

    def get_context_data(self, **kwargs):
        return super().get_context_data(breadcrumbs=training_crumbs(session=self.object.session), **kwargs)

    def post(self, request, *args, **kwargs):
        registration = self.get_object()
        try:
            promoted = services.cancel_registration(registration=registration)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(registration.session)
        message = f"{registration.attendee_name}’s registration is cancelled."
        if promoted is not None:
            message += f" {promoted.attendee_name} moved up from the waiting list and is now booked."
        messages.success(request, message)
        return redirect(registration.session)
