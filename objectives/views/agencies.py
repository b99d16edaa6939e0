"""Agencies: the board manager's list, the add and edit pages, and merging one agency into another."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View
from django.views.generic import CreateView, ListView, UpdateView

from core.queries import count_of
from core.views import Crumbs, FormPageMixin, TablePageMixin, VersionedSaveMixin, trail

from ..agency_forms import AgencyForm, MergeChoiceForm, MergeConfirmForm
from ..models import Action, Agency
from ..services import agencies
from ..services.conflicts import save_versioned_form
from ..tables import AgencyTable

MERGE_TEMPLATE = "objectives/agencies/agency_merge.html"


def agency_crumbs() -> Crumbs:
    return trail("Agencies", "objectives:agency_list")


class AgencyListView(PermissionRequiredMixin, TablePageMixin, ListView):
    permission_required = "objectives.change_agency"
    table_class = AgencyTable
    template_name = "objectives/agencies/agency_list.html"

    def get_queryset(self):
        # Deleted actions are not counted here; they still move in a merge, and its preview counts them.
        led = Action.lead_agencies.through.objects.filter(action__in=Action.objects.not_hidden())
        return Agency.objects.annotate(
            action_count=count_of(led, "agency"),
            contributor_count=count_of(Agency.members.through.objects.all(), "agency"),
        ).order_by("name")


class AgencyCreateView(PermissionRequiredMixin, FormPageMixin, CreateView):
    permission_required = "objectives.add_agency"
    model = Agency
    form_class = AgencyForm
    submit_label = "Add agency"
    success_message = "{object.name} added."

    def get_heading(self):
        return "Add an agency"

    def get_breadcrumbs(self):
        return agency_crumbs()

    def get_success_url(self):
        return reverse("objectives:agency_list")


class AgencyUpdateView(PermissionRequiredMixin, VersionedSaveMixin, FormPageMixin, UpdateView):
    permission_required = "objectives.change_agency"
    model = Agency
    form_class = AgencyForm
    template_name = "objectives/agencies/agency_form.html"
    conflict_noun = "this agency"
    conflict_template = "objectives/agencies/_agency_saved.html"

    def save_form(self, form):
        return save_versioned_form(form, subject=lambda saved: saved.name)

    def get_heading(self):
        return f"Edit {self.object.name}"

    def get_breadcrumbs(self):
        return agency_crumbs()

    def get_success_url(self):
        return reverse("objectives:agency_list")

    def form_valid(self, form):
        self.success_message = "{object.name} saved."
        if "is_active" in form.changed_data and not form.cleaned_data["is_active"]:
            self.success_message += " It is no longer offered as a lead agency; the actions it led keep it."
        return super().form_valid(form)


class AgencyMergeView(PermissionRequiredMixin, View):
    """Choose the agency to keep, see exactly what would move, then confirm.

    GET without `into` asks which agency to keep; GET with it shows the preview; POST confirms that preview.
    """

    permission_required = "objectives.delete_agency"

    def dispatch(self, request, *args, **kwargs):
        self.merged = get_object_or_404(Agency, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk):
        if "into" not in request.GET:
            return self.choose_page(MergeChoiceForm(merged=self.merged))
        form = MergeChoiceForm(request.GET, merged=self.merged)
        if not form.is_valid():
            return self.choose_page(form)
        try:
            plan = agencies.plan_merge(merged=self.merged, kept=form.cleaned_data["into"])
        except ValidationError as error:
            form.add_error("into", error)
            return self.choose_page(form)
        return self.preview_page(plan)

    def post(self, request, pk):
        form = MergeConfirmForm(request.POST, merged=self.merged)
        if not form.is_valid():
            return self.choose_page(MergeChoiceForm(request.POST, merged=self.merged))
        try:
            plan = agencies.merge_agencies(
                merged=self.merged, kept=form.cleaned_data["into"], fingerprint=form.cleaned_data["fingerprint"]
            )
        except agencies.StaleMergeError as stale:
            return self.preview_page(stale.plan, changed=True)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(f"{reverse('objectives:agency_merge', args=[pk])}?into={form.cleaned_data['into'].pk}")
        messages.success(request, plan.done_message)
        return redirect("objectives:agency_list")

    def choose_page(self, form):
        heading = f"Merge {self.merged.name} into another agency"
        context = {"merged": self.merged, "form": form, "heading": heading, "breadcrumbs": agency_crumbs()}
        return render(self.request, "objectives/agencies/agency_merge_choose.html", context)

    def preview_page(self, plan, changed=False):
        confirm = MergeConfirmForm(initial={"into": plan.kept.pk, "fingerprint": plan.fingerprint}, merged=plan.merged)
        context = {
            "plan": plan,
            "form": confirm,
            "changed": changed,
            "heading": f"Merge {plan.merged.name} into {plan.kept.name}",
            "breadcrumbs": agency_crumbs(),
        }
        return render(self.request, MERGE_TEMPLATE, context)
