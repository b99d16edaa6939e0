"""An agency's Section 11 return: reading it, filling it in (one block per standard), submitting it, and the board
manager sending it back for changes."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.views import View
from django.views.decorators.http import require_POST
from django.views.generic import DetailView

from core.conflicts import ConflictError
from core.kept_text import PUT_BACK_MESSAGE, initial_from, take_kept_text

from ..forms.section11 import AssessmentForm, ReturnVersionForm, assessment_formset
from ..models import ImprovementAction, Section11Return, StandardAssessment
from ..services import section11 as services
from .section11_cycles import cycle_crumbs


def returns_for_page(queryset):
    """Returns with what their pages show: cycle, scale and its levels, agency."""
    return queryset.select_related("cycle__scale", "agency").prefetch_related("cycle__scale__levels")


class ReturnDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "assurance.view_section11return"
    template_name = "assurance/section11/return_detail.html"
    context_object_name = "section11_return"

    def get_queryset(self):
        links = ImprovementAction.objects.select_related("action").order_by("action__ref")
        assessments = StandardAssessment.objects.select_related("standard").prefetch_related(
            Prefetch("action_links", queryset=links)
        )
        return returns_for_page(Section11Return.objects.visible_to(self.request.user)).prefetch_related(
            Prefetch("assessments", queryset=assessments)
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, return_ = self.request.user, self.object
        is_draft = return_.status == Section11Return.Status.DRAFT
        can_edit = is_draft and Section11Return.objects.editable_by(user).filter(pk=return_.pk).exists()
        can_manage = user.has_perm("assurance.moderate_section11return")
        context.update(
            scale=return_.cycle.scale.as_scale(),
            can_edit=can_edit,
            can_manage=can_manage and not return_.cycle.is_published,
            can_agree_actions=can_manage and not is_draft,
            breadcrumbs=cycle_crumbs(return_.cycle),
        )
        return context


class AssessmentsPageMixin:
    """A page of one form per standard of a return, saved together under the return's version.

    Its text, sent after the writer's session ended, is kept through sign-in and put back as each form's initial
    values (core.kept_text): a return is a long piece of writing.
    """

    keeps_typed_text = True
    form_class = AssessmentForm
    template_name = "assurance/section11/return_form.html"

    @cached_property
    def section11_return(self) -> Section11Return:
        return get_object_or_404(returns_for_page(self.returns()), pk=self.kwargs["pk"])

    def returns(self):
        raise NotImplementedError

    def formset(self, data=None):
        queryset = self.section11_return.assessments.select_related("standard").order_by("standard__number")
        scale = self.section11_return.cycle.scale.as_scale()
        return assessment_formset(self.form_class, scale=scale, data=data, queryset=queryset)

    def render_page(self, formset, version_form, conflict=None):
        return_ = self.section11_return
        context = {
            "section11_return": return_,
            "formset": formset,
            "scale": return_.cycle.scale.as_scale(),
            "version_form": version_form,
            "conflict": conflict,
            "conflict_noun": "this return",
            "conflict_template": "assurance/section11/_return_saved.html",
            "heading": self.heading(),
            "breadcrumbs": [*cycle_crumbs(return_.cycle), (str(return_.agency), return_.get_absolute_url())],
        }
        return render(self.request, self.template_name, context)

    def get(self, request, pk):
        formset = self.formset()
        version_form = ReturnVersionForm(initial={"version": self.section11_return.version})
        kept = take_kept_text(request)
        if kept is not None:
            for form in [*formset.forms, version_form]:
                form.initial.update(initial_from(form, kept))
            messages.info(request, PUT_BACK_MESSAGE)
        return self.render_page(formset, version_form)

    def post(self, request, pk):
        formset, version_form = self.formset(request.POST), ReturnVersionForm(request.POST)
        if not (formset.is_valid() and version_form.is_valid()):
            return self.render_page(formset, version_form)
        try:
            self.save(formset, version_form.cleaned_data["version"])
        except ConflictError as conflict:
            stale = ReturnVersionForm(initial={"version": conflict.saved.version})
            return self.render_page(formset, stale, conflict)
        except ValidationError as error:
            version_form.add_error(None, error)
            return self.render_page(formset, version_form)
        messages.success(request, self.success_message)
        return redirect(self.section11_return)

    def heading(self) -> str:
        raise NotImplementedError

    def save(self, formset, expected_version):
        raise NotImplementedError


class ReturnEditView(PermissionRequiredMixin, AssessmentsPageMixin, View):
    permission_required = "assurance.change_standardassessment"
    success_message = "Return saved. Submit it when every standard is rated."

    def returns(self):
        return Section11Return.objects.editable_by(self.request.user)

    def heading(self):
        return f"Fill in the return of {self.section11_return.agency}"

    def save(self, formset, expected_version):
        answers = {
            form.instance.standard_id: services.AssessmentInput(
                form.cleaned_data["rating"], form.cleaned_data["evidence"], form.cleaned_data["improvement_actions"]
            )
            for form in formset.forms
        }
        services.save_return(section11_return=self.section11_return, expected_version=expected_version, answers=answers)


def _act_on_return(request, queryset, pk, act, done: str):
    section11_return = get_object_or_404(returns_for_page(queryset), pk=pk)
    try:
        act(section11_return)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done.format(agency=section11_return.agency))
    return redirect(section11_return)


@require_POST
@permission_required("assurance.change_standardassessment", raise_exception=True)
def submit_return(request, pk):
    return _act_on_return(
        request,
        Section11Return.objects.editable_by(request.user),
        pk,
        lambda return_: services.submit_return(section11_return=return_, user=request.user),
        "The return of {agency} is submitted to the board.",
    )


@require_POST
@permission_required("assurance.moderate_section11return", raise_exception=True)
def send_back_return(request, pk):
    return _act_on_return(
        request,
        Section11Return.objects.all(),
        pk,
        lambda return_: services.send_back_return(section11_return=return_),
        "The return of {agency} is sent back to them for changes.",
    )
