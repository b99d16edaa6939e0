"""The board manager's retention pages: the periods with what the next run would remove and the log, and one
person's training records with their download and erasure (UK GDPR Articles 15 and 17).

A person is looked up by POST, never in the address, so their e-mail address stays out of server logs and
browser history.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views import View
from django.views.generic import FormView, UpdateView

from core.formats import plural
from core.responses import attachment
from core.views import TablePageMixin, VersionedSaveMixin
from mscb.models import RetentionPolicy, RetentionRemoval
from training.erasure import emails_to, records_json, registrations_of

from . import services
from .forms import PersonSearchForm, RetentionPolicyForm
from .tables import RetentionRemovalTable

PERMISSION = "mscb.change_retentionpolicy"
PEOPLE_URL = reverse_lazy("retention:people")


class RetentionView(PermissionRequiredMixin, VersionedSaveMixin, TablePageMixin, UpdateView):
    permission_required = PERMISSION
    form_class = RetentionPolicyForm
    table_class = RetentionRemovalTable
    template_name = "retention/retention.html"
    conflict_noun = "the retention periods"
    conflict_template = "retention/_policy_saved.html"
    success_message = "Retention periods saved. The next daily run removes what is past them."

    def get_object(self, queryset=None):
        return RetentionPolicy.current()

    def get_table_data(self):
        return RetentionRemoval.objects.select_related("done_by")

    def save_form(self, form):
        return services.save_policy(policy=form.instance, expected_version=form.cleaned_data["version"])

    def get_success_url(self):
        return reverse("retention:index")

    def get_context_data(self, **kwargs):
        # What is due is worked out from the saved periods, not the ones being typed.
        saved = RetentionPolicy.objects.get(pk=self.object.pk) if self.request.method == "POST" else self.object
        due = services.due_now(policy=saved, today=timezone.localdate())
        return super().get_context_data(**kwargs, due=due)


def _crumbs() -> list[tuple[str, str]]:
    return [("Retention", reverse("retention:index"))]


def _person_context(email: str) -> dict:
    registrations = list(registrations_of(email))
    return {
        "crumbs": _crumbs(),
        "email": email,
        "registrations": registrations,
        "email_count": emails_to(email).count(),
        "has_account": get_user_model().objects.filter(email__iexact=email).exists(),
    }


class PersonView(PermissionRequiredMixin, FormView):
    permission_required = PERMISSION
    form_class = PersonSearchForm
    template_name = "retention/person.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("crumbs", _crumbs())
        return super().get_context_data(**kwargs)

    def form_valid(self, form):
        context = self.get_context_data(form=form, searched=True, **_person_context(form.cleaned_data["email"]))
        return self.render_to_response(context)


def _posted_email(request) -> str | None:
    form = PersonSearchForm(request.POST)
    if form.is_valid():
        return form.cleaned_data["email"]
    messages.error(request, "Search for the person again: the e-mail address did not come through.")
    return None


class PersonExportView(PermissionRequiredMixin, View):
    permission_required = PERMISSION
    http_method_names = ["post"]

    def post(self, request):
        email = _posted_email(request)
        if email is None:
            return redirect(PEOPLE_URL)
        name = f"training-records-{timezone.localdate():%Y-%m-%d}.json"
        return attachment(records_json(email), name=name, content_type="application/json")


class PersonEraseView(PermissionRequiredMixin, View):
    """The first POST shows what erasing would change; the second, with `confirm`, erases it."""

    permission_required = PERMISSION
    http_method_names = ["post"]

    def post(self, request):
        email = _posted_email(request)
        if email is None:
            return redirect(PEOPLE_URL)
        context = _person_context(email)
        if not context["registrations"] and not context["email_count"]:
            messages.info(request, "No training records are held for that address, so there is nothing to erase.")
            return redirect(PEOPLE_URL)
        if "confirm" not in request.POST:
            return render(request, "retention/erase_confirm.html", context)
        result = services.erase_person(email=email, done_by=request.user)
        messages.success(
            request,
            f"Erased: {plural(result.count, 'registration')} anonymised, {plural(result.emails, 'logged e-mail')} "
            f"and {plural(result.uploads, 'register file')} cleaned. The retention log records it, without the "
            "address.",
        )
        return redirect(PEOPLE_URL)
