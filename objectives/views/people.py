"""People: the board manager's list of users, the invitation and edit pages, and deactivation."""

from django.contrib import messages
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST
from django.views.generic import FormView
from django_filters.views import FilterView

from core.formats import display_name, plural
from core.outcomes import reported, say_refused
from core.views import Crumbs, TablePageMixin, trail

from ..people_forms import PersonFilter, PersonForm, PersonUpdateForm
from ..services import people
from ..tables import PersonTable

User = get_user_model()

# Sending e-mail can fail for reasons outside the app (SMTP errors are OSErrors); say so instead of a 500.
MAIL_FAILED = "The invitation e-mail could not be sent. Please try again later, or ask the site admin to check e-mail."


def people_crumbs() -> Crumbs:
    return trail("People", "objectives:person_list")


class PersonListView(PermissionRequiredMixin, TablePageMixin, FilterView):
    permission_required = "auth.view_user"
    table_class = PersonTable
    filterset_class = PersonFilter
    template_name = "objectives/people/person_list.html"

    def get_queryset(self):
        return User.objects.prefetch_related("agencies", "groups").order_by("last_name", "first_name", "username")


class PersonCreateView(PermissionRequiredMixin, FormView):
    permission_required = "auth.add_user"
    form_class = PersonForm
    template_name = "objectives/people/person_form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(heading="Add a person", submit_label="Add and send invitation", breadcrumbs=people_crumbs())
        return context

    def form_valid(self, form):
        try:
            person = people.invite_person(
                invited_by=self.request.user, site_url=self.request.build_absolute_uri("/"), **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        except OSError:
            form.add_error(None, f"{MAIL_FAILED} Nobody was added.")
            return self.form_invalid(form)
        name = display_name(person)
        messages.success(
            self.request, f"{name} added. An invitation to set their password was e-mailed to {person.email}."
        )
        return redirect("objectives:person_list")


class PersonPageMixin:
    """Loads the person from the URL, after the permission check; someone only the site admin changes is refused."""

    def dispatch(self, request, *args, **kwargs):
        self.person = get_object_or_404(User.objects.prefetch_related("agencies", "groups"), pk=kwargs["pk"])
        try:
            people.check_may_change(changed_by=request.user, person=self.person)
        except ValidationError as error:
            say_refused(request, error)
            return redirect("objectives:person_list")
        return super().dispatch(request, *args, **kwargs)


class PersonUpdateView(PermissionRequiredMixin, PersonPageMixin, FormView):
    permission_required = "auth.change_user"
    template_name = "objectives/people/person_form.html"

    def get_form_class(self):
        return PersonForm if self.person.has_usable_password() else PersonUpdateForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "person": self.person}

    def get_initial(self):
        return PersonForm.initial_for(self.person)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            person=self.person,
            heading=f"Edit {display_name(self.person)}",
            breadcrumbs=people_crumbs(),
            submit_label="Save changes",
            role_label=people.role_label(self.person),
            log=LogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(User), object_id=str(self.person.pk)
            ).select_related("user")[:20],
        )
        return context

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        resend = data.pop("resend_invitation", False)
        try:
            changes = people.update_person(changed_by=self.request.user, person=self.person, **data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        name = display_name(self.person)
        messages.success(self.request, f"{name} saved." if changes else f"Nothing to change for {name}.")
        if resend:
            # Reloaded so the invitation states the role and agencies just saved, not the prefetched ones.
            self.person.refresh_from_db()
            self._resend_invitation()
        return redirect("objectives:person_list")

    def _resend_invitation(self):
        try:
            people.resend_invitation(
                sent_by=self.request.user, person=self.person, site_url=self.request.build_absolute_uri("/")
            )
        except OSError:
            messages.error(self.request, MAIL_FAILED)
        else:
            messages.success(self.request, f"A new invitation has been e-mailed to {self.person.email}.")


@require_POST
@permission_required("auth.change_user", raise_exception=True)
def deactivate_person(request, pk):
    person = get_object_or_404(User, pk=pk)
    try:
        ended = people.deactivate_person(changed_by=request.user, person=person)
    except ValidationError as error:
        say_refused(request, error)
        return redirect("objectives:person_list")
    was = "was" if ended == 1 else "were"
    sessions = f" and {plural(ended, 'signed-in session')} {was} ended" if ended else ""
    messages.success(request, f"{display_name(person)} deactivated: they can no longer sign in{sessions}.")
    return redirect("objectives:person_list")


@require_POST
@permission_required("auth.change_user", raise_exception=True)
def reactivate_person(request, pk):
    person = get_object_or_404(User, pk=pk)
    with reported(request, f"{display_name(person)} reactivated: they can sign in again."):
        people.reactivate_person(changed_by=request.user, person=person)
    return redirect("objectives:person_list")
