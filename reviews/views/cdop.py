"""The child death overview panel: its years' figures and the actions from its annual reports.

The actions are the plan's own (progress, rounds and later edits happen on the plan's pages); these pages
list them by year and add new ones through reviews.services.
"""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.views.generic import CreateView, DetailView, FormView, ListView, UpdateView

from core.views import Crumbs, FormPageMixin, TablePageMixin, VersionedSaveMixin, trail
from objectives.models.actions import tallies_of

from .. import services
from ..forms.cdop import CdopActionForm, CdopYearForm
from ..models import CdopYear
from ..selectors import cdop_actions, cdop_categories_counted, cdop_year_actions
from ..tables import CdopYearTable
from .tracked import TrackedActionCreateMixin


def cdop_crumbs(year: CdopYear | None = None) -> Crumbs:
    return trail("Child death overview panel", "reviews:cdop_list", year)


class CdopYearListView(PermissionRequiredMixin, TablePageMixin, ListView):
    permission_required = "reviews.view_cdopyear"
    template_name = "reviews/cdop_list.html"
    table_class = CdopYearTable

    def get_queryset(self):
        return CdopYear.objects.order_by("-ends_on")

    def get_table_data(self):
        years = list(super().get_table_data())
        # Every year's actions counted by latest rating on their plans' scales in three queries, however many.
        counts = cdop_actions(self.request.user, years).rag_counts_by("cdop_link__year_id", [year.pk for year in years])
        for year in years:
            year.rag_counts = counts[year.pk]
            year.action_count = sum(tally.total for tally in counts[year.pk])
        return years


class CdopYearDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "reviews.view_cdopyear"
    template_name = "reviews/cdop_detail.html"
    context_object_name = "year"
    model = CdopYear

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, year = self.request.user, self.object
        categories = cdop_categories_counted(year)
        # No table at all for a year that recorded no category, rather than a column of "Not recorded".
        context["categories"] = categories if any(category.deaths is not None for category in categories) else []
        context["categorised"] = sum(category.deaths or 0 for category in categories)
        context["actions"] = cdop_year_actions(year, user=user)
        # Counted from the actions listed above: the same actions and ratings, no query.
        context["rag_counts"] = tallies_of(context["actions"])
        context["breadcrumbs"] = cdop_crumbs()
        return context


class CdopYearFormMixin(VersionedSaveMixin, FormPageMixin):
    """Create and edit share one page: the year's fields and a number per category, saved together."""

    form_class = CdopYearForm
    conflict_noun = "this year"
    conflict_template = "reviews/_cdop_year_saved.html"

    def save_form(self, form):
        return services.save_cdop_year(
            year=form.instance, figures=form.figures(), expected_version=form.cleaned_data["version"]
        )

    def conflict_context(self, conflict):
        return {"saved_figures": list(conflict.saved.figures.select_related("category"))}


class CdopYearCreateView(PermissionRequiredMixin, CdopYearFormMixin, CreateView):
    permission_required = "reviews.add_cdopyear"
    submit_label = "Add year"
    success_message = "{object} added."

    def get_heading(self):
        return "New CDOP year"

    def get_breadcrumbs(self):
        return cdop_crumbs()


class CdopYearUpdateView(PermissionRequiredMixin, CdopYearFormMixin, UpdateView):
    permission_required = "reviews.change_cdopyear"
    model = CdopYear
    success_message = "{object} saved."

    def get_heading(self):
        return f"Edit {self.object}"

    def get_breadcrumbs(self):
        return cdop_crumbs(self.object)


class CdopActionCreateView(PermissionRequiredMixin, TrackedActionCreateMixin, FormView):
    permission_required = ("objectives.add_action", "reviews.change_cdopyear")
    form_class = CdopActionForm
    success_message = "{object} added."

    # Looked up after the permission check, so a refused visitor learns nothing about the year.
    @cached_property
    def year(self):
        return get_object_or_404(CdopYear, pk=self.kwargs["pk"])

    def get_heading(self):
        return f"New action from the {self.year} annual report"

    def get_breadcrumbs(self):
        return cdop_crumbs(self.year)

    def add_action(self, **fields):
        return services.add_cdop_action(self.year, **fields)

    def get_success_url(self):
        return self.year.get_absolute_url() + "#actions"
