"""Feedback from children and families: the list for a plan, and adding, editing and deleting an item.

Every signed-in role reads the list (the yearly report's section prints it); only board managers write it.
"""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import CreateView, TemplateView, UpdateView

from core.kept_text import KeepsTypedTextMixin
from core.views import Crumbs, FormPageMixin, VersionedSaveMixin
from objectives.models import BusinessPlan

from ..models.yearly import FamilyFeedback
from .feedback_forms import FamilyFeedbackForm, PlanChoiceForm
from .feedback_services import save_family_feedback

LIST_LABEL = "Feedback from children and families"


def list_url(plan: BusinessPlan) -> str:
    return f"{reverse('feedback:list')}?plan={plan.pk}"


def feedback_crumbs(plan: BusinessPlan) -> Crumbs:
    return [(f"{LIST_LABEL}: {plan}", list_url(plan))]


class FeedbackListView(PermissionRequiredMixin, TemplateView):
    permission_required = "mscb.view_familyfeedback"
    template_name = "yearly/feedback/list.html"

    def get_context_data(self, **kwargs):
        form = PlanChoiceForm(self.request.GET or None)
        # A plan that is not there (deleted, or a garbled number) shows the form's error and the newest plan.
        plan = form.cleaned_data["plan"] if form.is_valid() else None
        plan = plan or BusinessPlan.objects.first()
        items = [] if plan is None else list(plan.family_feedback.select_related("round"))
        return super().get_context_data(**kwargs, form=form, plan=plan, items=items)


class FeedbackFormMixin(PermissionRequiredMixin, KeepsTypedTextMixin, VersionedSaveMixin, FormPageMixin):
    form_class = FamilyFeedbackForm
    conflict_noun = "this feedback"
    conflict_template = "yearly/feedback/_saved.html"

    def save_form(self, form):
        return save_family_feedback(feedback=form.instance, expected_version=form.cleaned_data["version"])

    def get_breadcrumbs(self):
        return feedback_crumbs(self.plan)

    def get_success_url(self):
        return list_url(self.plan)


class FeedbackCreateView(FeedbackFormMixin, CreateView):
    permission_required = "mscb.add_familyfeedback"
    submit_label = "Add feedback"
    success_message = "Added: {object}."

    # Looked up after the permission check, so a refused visitor learns nothing about the plan.
    @cached_property
    def plan(self) -> BusinessPlan:
        return get_object_or_404(BusinessPlan, pk=self.kwargs["plan_pk"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = FamilyFeedback(plan=self.plan)
        return kwargs

    def get_heading(self):
        return f"Add feedback from children and families: {self.plan}"


class FeedbackUpdateView(FeedbackFormMixin, UpdateView):
    permission_required = "mscb.change_familyfeedback"
    queryset = FamilyFeedback.objects.select_related("plan")
    success_message = "Saved: {object}."

    @property
    def plan(self) -> BusinessPlan:
        return self.object.plan

    def get_heading(self):
        return f"Edit {self.object}"

    def get_delete_url(self):
        if not self.request.user.has_perm("mscb.delete_familyfeedback"):
            return ""
        return reverse("feedback:delete", args=[self.object.pk])


class FeedbackDeleteView(PermissionRequiredMixin, TemplateView):
    """Asks first; the history keeps the deleted item, so the admin can see what it was."""

    permission_required = "mscb.delete_familyfeedback"
    template_name = "yearly/feedback/delete.html"

    @cached_property
    def feedback(self) -> FamilyFeedback:
        return get_object_or_404(FamilyFeedback.objects.select_related("plan"), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        crumbs = feedback_crumbs(self.feedback.plan)
        return super().get_context_data(**kwargs, feedback=self.feedback, breadcrumbs=crumbs, cancel_url=crumbs[0][1])

    def post(self, request, pk):
        plan, name = self.feedback.plan, str(self.feedback)
        self.feedback.delete()
        messages.success(request, f"Deleted: {name}.")
        return redirect(list_url(plan))
