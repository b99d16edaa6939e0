"""The register of case reviews: the filtered list, a review's page with its action plan, and its form."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import Prefetch
from django.views.generic import CreateView, DetailView, UpdateView
from django_filters.views import FilterView

from core.kept_text import KeepsTypedTextMixin
from core.views import Crumbs, FormPageMixin, TablePageMixin, VersionedSaveMixin, trail
from objectives.models import Objective

from .. import services
from ..filters import ReviewFilter
from ..forms.reviews import ReviewForm
from ..models import Review
from ..selectors import review_action_plan
from ..tables import ReviewTable


def review_crumbs(review: Review | None = None) -> Crumbs:
    return trail("Case reviews", "reviews:review_list", review)


class ReviewListView(PermissionRequiredMixin, TablePageMixin, FilterView):
    permission_required = "reviews.view_review"
    filterset_class = ReviewFilter
    table_class = ReviewTable
    template_name = "reviews/review_list.html"

    def get_queryset(self):
        return Review.objects.visible_to(self.request.user).select_related("subgroup").order_by("name")

    def get_table_data(self):
        # Read once as a list: the count above the table and the pager then need no COUNT query.
        self.reviews = list(super().get_table_data())
        return self.reviews

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["reviews"] = self.reviews
        # Any filter in the address, even a blank one, means "no match" rather than "none yet".
        context["is_filtered"] = any(self.request.GET.get(name) for name in ReviewFilter.base_filters)
        return context


class ReviewDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "reviews.view_review"
    template_name = "reviews/review_detail.html"
    context_object_name = "review"

    def get_queryset(self):
        linked = Objective.objects.not_hidden().select_related("plan")
        return (
            Review.objects.visible_to(self.request.user)
            .select_related("subgroup")
            .prefetch_related(
                Prefetch("objectives", queryset=linked.order_by("-plan__starts_on", "plan__title", "sort_key"))
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_plan"] = review_action_plan(self.object, user=self.request.user)
        context["breadcrumbs"] = review_crumbs()
        return context


class ReviewFormMixin(KeepsTypedTextMixin, VersionedSaveMixin, FormPageMixin):
    form_class = ReviewForm
    conflict_noun = "this review"
    conflict_template = "reviews/_review_saved.html"

    def save_form(self, form):
        return services.save_review(
            review=form.instance,
            objectives=form.cleaned_data["objectives"],
            expected_version=form.cleaned_data["version"],
        )


class ReviewCreateView(PermissionRequiredMixin, ReviewFormMixin, CreateView):
    permission_required = "reviews.add_review"
    submit_label = "Add review"
    success_message = "{object} added to the register."

    def get_heading(self):
        return "New case review"

    def get_breadcrumbs(self):
        return review_crumbs()


class ReviewUpdateView(PermissionRequiredMixin, ReviewFormMixin, UpdateView):
    permission_required = "reviews.change_review"
    success_message = "{object} saved."

    def get_queryset(self):
        return Review.objects.editable_by(self.request.user)

    def get_heading(self):
        return f"Edit {self.object.name}"

    def get_breadcrumbs(self):
        return review_crumbs(self.object)
