"""The register of recommendations and decisions: every source's recommendations in one table, filtered, and the
same list as a CSV or Excel file."""

from datetime import date
from types import SimpleNamespace

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import Http404
from django.urls import reverse
from django.views.generic import TemplateView, View

from core.recommendations import entries_for
from core.responses import attachment

from ..register_export import CONTENT_TYPES, WRITERS
from ..register_filters import RegisterFilterForm


class RegisterMixin(PermissionRequiredMixin):
    permission_required = "assurance.view_assurancerecommendation"

    def filtered_entries(self):
        self.filters = RegisterFilterForm(self.request.GET or None)
        return self.filters.filter(entries_for(self.request.user))


class RegisterView(RegisterMixin, TemplateView):
    template_name = "assurance/register/register.html"

    def get_context_data(self, **kwargs):
        entries = self.filtered_entries()
        return super().get_context_data(
            entries=entries,
            filter=SimpleNamespace(form=self.filters),  # as includes/_filter_card.html reads a FilterSet
            is_filtered=self.filters.is_filtered,
            breadcrumbs=[("Assurance", reverse("assurance:index"))],
            query=self.request.GET.urlencode(),
            **kwargs,
        )


class RegisterExportView(RegisterMixin, View):
    def get(self, request, file_format):
        if file_format not in WRITERS:
            raise Http404("The register is exported as csv or xlsx.")
        content = WRITERS[file_format](self.filtered_entries())
        name = f"register-of-recommendations-{date.today().isoformat()}.{file_format}"
        return attachment(content, name=name, content_type=CONTENT_TYPES[file_format])
