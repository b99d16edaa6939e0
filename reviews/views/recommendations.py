"""A review's recommendations, and adding an action to one; the action is then edited on the plan's own pages."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.views.generic import CreateView, FormView, UpdateView

from core.kept_text import KeepsTypedTextMixin
from core.views import FormPageMixin, VersionedSaveMixin

from .. import services
from ..forms.recommendations import RecommendationActionForm, RecommendationForm
from ..models import Recommendation, Review
from .register import review_crumbs
from .tracked import TrackedActionCreateMixin


def editable_recommendations(user):
    return Recommendation.objects.filter(review__in=Review.objects.editable_by(user)).select_related("review")


class RecommendationCreateView(PermissionRequiredMixin, KeepsTypedTextMixin, FormPageMixin, CreateView):
    permission_required = "reviews.add_recommendation"
    form_class = RecommendationForm
    submit_label = "Add recommendation"
    success_message = "Recommendation {object.number} added."

    # Looked up after the permission check, so a refused visitor learns nothing about the review.
    @cached_property
    def review(self) -> Review:
        return get_object_or_404(Review.objects.editable_by(self.request.user), pk=self.kwargs["review_pk"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Recommendation(review=self.review)
        return kwargs

    def get_initial(self):
        highest = self.review.recommendations.aggregate(highest=Max("number"))["highest"]
        return {"number": (highest or 0) + 1}

    def get_heading(self):
        return f"New recommendation for {self.review}"

    def get_breadcrumbs(self):
        return review_crumbs(self.review)

    def form_valid(self, form):
        try:
            with transaction.atomic():
                response = super().form_valid(form)
        except IntegrityError:
            # The form checked the number; someone else gave the same number to another recommendation since.
            form.add_error("number", f"Recommendation {form.instance.number} was added just now by someone else.")
            return self.form_invalid(form)
        return response


class RecommendationUpdateView(
    PermissionRequiredMixin, KeepsTypedTextMixin, VersionedSaveMixin, FormPageMixin, UpdateView
):
    permission_required = "reviews.change_recommendation"
    form_class = RecommendationForm
    conflict_noun = "this recommendation"
    conflict_template = "reviews/_recommendation_saved.html"
    success_message = "Recommendation {object.number} saved."

    def get_queryset(self):
        return editable_recommendations(self.request.user)

    def get_heading(self):
        return f"Edit {self.object.review}, recommendation {self.object.number}"

    def get_breadcrumbs(self):
        return review_crumbs(self.object.review)

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
    permission_required = ("objectives.add_action", "reviews.change_recommendation")
    form_class = RecommendationActionForm
    template_name = "reviews/recommendation_action_form.html"
    success_message = "Action {object.ref} added."

    @cached_property
    def recommendation(self) -> Recommendation:
        return get_object_or_404(editable_recommendations(self.request.user), pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["recommendation"] = self.recommendation
        return kwargs

    def get_heading(self):
        return f"New action for {self.recommendation.review}, recommendation {self.recommendation.number}"

    def get_breadcrumbs(self):
        return review_crumbs(self.recommendation.review)

    def get_cancel_url(self):
        return self.recommendation.get_absolute_url()

    def get_context_data(self, **kwargs):
        return super().get_context_data(recommendation=self.recommendation, **kwargs)

    def add_action(self, **fields):
        return services.add_recommendation_action(self.recommendation, **fields)

    def get_success_url(self):
        return self.recommendation.get_absolute_url()
