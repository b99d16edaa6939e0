"""A source of recommendations (an inspection, a scrutiny or peer review, self-evaluation): its page and its form."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import Prefetch
from django.urls import reverse
from django.views.generic import CreateView, DetailView, UpdateView

from core.kept_text import KeepsTypedTextMixin
from core.views import Crumbs, FormPageMixin, VersionedSaveMixin, trail
from objectives.models import Action

from ..forms.recommendations import SourceForm
from ..models import AssuranceRecommendation, RecommendationSource, SourcedRecommendationAction
from ..services import recommendations as services


def register_crumbs(*pages) -> Crumbs:
    """Assurance, then the register, then `pages` (each named by str()) down to this page."""
    return [
        ("Assurance", reverse("assurance:index")),
        *trail("Register of recommendations", "assurance:register", *pages),
    ]


class SourceDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "assurance.view_recommendationsource"
    template_name = "assurance/register/source_detail.html"
    context_object_name = "source"

    def get_queryset(self):
        links = SourcedRecommendationAction.objects.filter(action__in=Action.objects.not_hidden()).select_related(
            "action"
        )
        recommendations = AssuranceRecommendation.objects.prefetch_related(
            "agencies", Prefetch("action_links", queryset=links.order_by("action__sort_key"))
        ).order_by("number")
        return RecommendationSource.objects.select_related("plan").prefetch_related(
            Prefetch("recommendations", queryset=recommendations)
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(breadcrumbs=register_crumbs(), **kwargs)


class SourceCreateView(PermissionRequiredMixin, KeepsTypedTextMixin, FormPageMixin, CreateView):
    permission_required = "assurance.add_recommendationsource"
    form_class = SourceForm
    submit_label = "Add source"
    success_message = "{object} added."

    def get_heading(self):
        return "New source of recommendations"

    def get_breadcrumbs(self):
        return register_crumbs()


class SourceUpdateView(PermissionRequiredMixin, KeepsTypedTextMixin, VersionedSaveMixin, FormPageMixin, UpdateView):
    permission_required = "assurance.change_recommendationsource"
    form_class = SourceForm
    conflict_noun = "this source"
    conflict_template = "assurance/register/_source_saved.html"
    success_message = "{object} saved."
    queryset = RecommendationSource.objects.all()

    def get_heading(self):
        return f"Edit {self.object}"

    def get_breadcrumbs(self):
        return register_crumbs(self.object)

    def save_form(self, form):
        return services.save_source(source=form.instance, expected_version=form.cleaned_data["version"])
