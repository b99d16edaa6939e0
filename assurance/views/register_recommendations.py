"""A source's recommendations with the board's decision on each, and adding an action to one; the action is then
edited on the plan's own pages, like a case review's."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.views.generic import CreateView, FormView, UpdateView

from core.kept_text import KeepsTypedTextMixin
from core.views import FormPageMixin, VersionedSaveMixin
from reviews.views.tracked import TrackedActionCreateMixin

from ..forms.recommendations import AssuranceRecommendationForm, RecommendationActionForm
from ..models import AssuranceRecommendation, RecommendationSource
from ..services import recommendations as services
from .source_pages import register_crumbs


class RecommendationCreateView(PermissionRequiredMixin, KeepsTypedTextMixin, FormPageMixin, CreateView):
    permission_required = "assurance.add_assurancerecommendation"
    form_class = AssuranceRecommendationForm
    submit_label = "Add recommendation"
    success_message = "Recommendation {object.number} added."

    # Looked up after the permission check, so a refused visitor learns nothing about the source.
    @cached_property
    def source(self) -> RecommendationSource:
        return get_object_or_404(RecommendationSource, pk=self.kwargs["source_pk"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = AssuranceRecommendation(source=self.source)
        return kwargs

    def get_initial(self):
        highest = self.source.recommendations.aggregate(highest=Max("number"))["highest"]
        return {"number": (highest or 0) + 1}

    def get_heading(self):
        return f"New recommendation from {self.source}"

    def get_breadcrumbs(self):
        return register_crumbs(self.source)

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except IntegrityError:
            # The form checked the number; someone else gave the same number to another recommendation since.
            form.add_error("number", f"Recommendation {form.instance.number} was added just now by someone else.")
            return self.form_invalid(form)


class RecommendationUpdateView(
    PermissionRequiredMixin, KeepsTypedTextMixin, VersionedSaveMixin, FormPageMixin, UpdateView
):
    permission_required = "assurance.change_assurancerecommendation"
    form_class = AssuranceRecommendationForm
    conflict_noun = "this recommendation"
    conflict_template = "reviews/_recommendation_saved.html"
    success_message = "Recommendation {object.number} saved."
    queryset = AssuranceRecommendation.objects.select_related("source")

    def get_heading(self):
        return f"Edit {self.object.source}, recommendation {self.object.number}"

    def get_breadcrumbs(self):
        return register_crumbs(self.object.source)

    def get_cancel_url(self):
        return self.object.get_absolute_url()

    def save_form(self, form):
        return services.save_recommendation(
            recommendation=form.instance,
            agencies=form.cleaned_data["agencies"],
            expected_version=form.cleaned_data["version"],
        )


class RecommendationActionCreateView(PermissionRequiredMixin, KeepsTypedTextMixin, TrackedActionCreateMixin, FormView):
    # A plan action, made by changing the recommendation's action plan.
    permission_required = ("objectives.add_action", "assurance.change_assurancerecommendation")
    form_class = RecommendationActionForm
    template_name = "reviews/recommendation_action_form.html"
    success_message = "Action {object.ref} added."

    @cached_property
    def recommendation(self) -> AssuranceRecommendation:
        return get_object_or_404(AssuranceRecommendation.objects.select_related("source"), pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["recommendation"] = self.recommendation
        return kwargs

    def get_initial(self):
        # The source's plan is the one its actions usually report in.
        return {"plan": self.recommendation.source.plan_id}

    def get_heading(self):
        return f"New action for {self.recommendation.source}, recommendation {self.recommendation.number}"

    def get_breadcrumbs(self):
        return register_crumbs(self.recommendation.source)

    def get_cancel_url(self):
        return self.recommendation.get_absolute_url()

    def get_context_data(self, **kwargs):
        return super().get_context_data(recommendation=self.recommendation, **kwargs)

    def add_action(self, **fields):
        return services.add_recommendation_action(self.recommendation, **fields)

    def get_success_url(self):
        return self.recommendation.get_absolute_url()
