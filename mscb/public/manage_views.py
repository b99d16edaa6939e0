"""The board manager's side of the public pages: what is public now, making a document public or withdrawing it,
a committee report's progress text, and the public pages' words."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import TemplateView, UpdateView

from core.kept_text import KeepsTypedTextMixin
from core.views import FormPageMixin, VersionedSaveMixin
from mscb.models import PublicProfile
from mscb.roles import PUBLIC_MANAGE
from objectives.models import PublishedReport

from . import services
from .forms import PublicProfileForm
from .kinds import KINDS

STEPS = {
    "make-public": (services.make_public, "Make public", "{title} is now on the public pages."),
    "withdraw": (services.withdraw, "Withdraw from the public pages", "{title} is no longer on the public pages."),
}


def manage_crumbs() -> list[tuple[str, str]]:
    return [("Published reports", reverse("objectives:published_list")), ("Public pages", reverse("public:manage"))]


def back_to(document) -> str:
    """The document's own signed-in page, or the list of public documents if it has none yet."""
    try:
        return document.get_absolute_url()
    except NoReverseMatch:
        return reverse("public:manage")


def _document(kind: str, pk: int):
    model = KINDS.model(kind)
    return get_object_or_404(model.objects.defer(*KINDS.files).select_related("made_public_by"), pk=pk)


class ManageView(PermissionRequiredMixin, TemplateView):
    permission_required = PUBLIC_MANAGE
    template_name = "public/manage.html"

    def get_context_data(self, **kwargs):
        documents = [
            *PublishedReport.objects.public().defer("snapshot", *KINDS.files).select_related("made_public_by"),
            *KINDS.model("yearly-reports").objects.public().defer(*KINDS.files).select_related("made_public_by"),
        ]
        documents.sort(key=lambda document: document.published_at, reverse=True)
        return super().get_context_data(
            documents=documents,
            profile=PublicProfile.objects.filter(pk=1).first(),
            breadcrumbs=manage_crumbs()[:1],
            **kwargs,
        )


@permission_required(PUBLIC_MANAGE, raise_exception=True)
@require_http_methods(["GET", "POST"])
def mark(request, kind: str, pk: int, step: str):
    """A confirm page (GET) and the step itself (POST): make the document public, or withdraw it."""
    document = _document(kind, pk)
    service, label, done = STEPS[step]
    if request.method == "POST":
        document = service(document=document, by=request.user)
        messages.success(request, done.format(title=document.title))
        return redirect(back_to(document))
    cancel_url = back_to(document)
    context = {
        "document": document,
        "step": step,
        "label": label,
        "cancel_url": cancel_url,
        "kind": kind,
        "breadcrumbs": [*manage_crumbs()[:1], (document.title, cancel_url)],
    }
    return render(request, "public/mark_confirm.html", context)


@permission_required(PUBLIC_MANAGE, raise_exception=True)
@require_POST
def report_progress(request, pk: int):
    """Show a public committee report's progress text on the public plan page, or its ratings only."""
    report = _document("reports", pk)
    show = request.POST.get("show") == "yes"
    try:
        services.show_progress_text(report=report, show=show, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(back_to(report))
    if show:
        messages.success(request, "The public pages now show this report's progress text beside its ratings.")
    else:
        messages.success(request, "The public pages now show this report's ratings only, not its progress text.")
    return redirect(back_to(report))


class ProfileEditView(PermissionRequiredMixin, KeepsTypedTextMixin, VersionedSaveMixin, FormPageMixin, UpdateView):
    permission_required = PUBLIC_MANAGE
    form_class = PublicProfileForm
    conflict_noun = "the public pages' words"
    conflict_template = "public/_profile_saved.html"
    success_message = "The public pages' words are saved."

    def get_object(self, queryset=None):
        return PublicProfile.current()

    def get_heading(self):
        return "The public pages' words"

    def get_breadcrumbs(self):
        return manage_crumbs()

    def get_success_url(self):
        return reverse("public:manage")

    def save_form(self, form):
        return services.save_profile(
            profile=form.instance, expected_version=form.cleaned_data["version"], by=self.request.user
        )
