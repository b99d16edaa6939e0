"""Page mixins every app's views stand on: the form page shell and the save that refuses a stale version.

A page for one capability of a role uses Django's `PermissionRequiredMixin` directly: signed-in
visitors without the permission get 403, and `LoginRequiredMiddleware` sends everyone else to sign in.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django_tables2 import SingleTableMixin

from .conflicts import ConflictError
from .forms import add_service_error, form_after_conflict, warn_writer

# A breadcrumb trail: the ancestors of a page as (label, url), outermost first.
Crumbs = list[tuple[str, str]]

# How many rows every list page shows before its pager: one number, so the lists page alike.
LIST_PAGE_SIZE = 25


def trail(label: str, url_name: str, *pages) -> Crumbs:
    """The trail from a list page (`label`, `url_name`) down through `pages`, each named by str(); None is skipped."""
    return [(label, reverse(url_name)), *((str(page), page.get_absolute_url()) for page in pages if page is not None)]


class TablePageMixin(SingleTableMixin):
    """A list page drawn by a django-tables2 table, LIST_PAGE_SIZE rows a page."""

    table_pagination = {"per_page": LIST_PAGE_SIZE}


class FormPageMixin:
    """A create or edit page: one heading, breadcrumbs, a cancel link and a success message."""

    template_name = "includes/form_page.html"
    submit_label = "Save"
    success_message = "Saved."

    def get_heading(self) -> str:
        raise NotImplementedError

    def get_breadcrumbs(self) -> Crumbs:
        raise NotImplementedError

    def get_cancel_url(self) -> str:
        return self.get_breadcrumbs()[-1][1]

    def get_delete_url(self) -> str:
        """A link to delete (or hide) the object from its edit page; none unless the page says."""
        return ""

    def get_form_kwargs(self):
        # Worked out before the form binds to the object, so a rejected change does not rename the page.
        self.page = {
            "heading": self.get_heading(),
            "breadcrumbs": self.get_breadcrumbs(),
            "cancel_url": self.get_cancel_url(),
            "delete_url": self.get_delete_url(),
            "submit_label": self.submit_label,
        }
        return super().get_form_kwargs()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.page)
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, self.success_message.format(object=self.object))
        warn_writer(form, self.request)
        return response


class VersionedSaveMixin:
    """`form_valid` for a page saving through a service that raises ConflictError on a stale version.

    A refused save shows the page again with the saved version beside the writer's own changes, which stay in
    the form now carrying the saved version: saving again after merging overwrites knowingly, not by accident.
    `conflict_template` draws what the other person saved inside the shared "someone saved before you" panel.
    """

    conflict_noun = "this item"
    conflict_template = ""

    def save_form(self, form):
        """Save the valid form through its service and return the saved object."""
        raise NotImplementedError

    def conflict_context(self, conflict: ConflictError) -> dict:
        """More for the page that shows a refused save."""
        return {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(conflict_noun=self.conflict_noun, conflict_template=self.conflict_template)
        return context

    def form_valid(self, form):
        try:
            self.object = self.save_form(form)
        except ConflictError as conflict:
            self.object = conflict.saved
            merged = form_after_conflict(form, conflict.saved)
            return self.render_to_response(
                self.get_context_data(form=merged, conflict=conflict, **self.conflict_context(conflict))
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message.format(object=self.object))
        warn_writer(form, self.request)
        return redirect(self.get_success_url())
