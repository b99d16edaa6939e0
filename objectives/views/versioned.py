"""Edit pages whose save refuses to overwrite a later save by someone else."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from ..forms import add_service_error, form_after_conflict
from ..services.conflicts import ConflictError


class VersionedSaveMixin:
    """`form_valid` for a page saving through a service that raises ConflictError on a stale version.

    A refused save shows the page again with the saved version beside the writer's own changes, which stay in
    the form now carrying the saved version: saving again after merging overwrites knowingly, not by accident.
    Saved text that looks like a child's NHS number or date of birth is warned about, never blocked.
    """

    def save_form(self, form):
        """Save the valid form through its service and return the saved object."""
        raise NotImplementedError

    def conflict_context(self, conflict: ConflictError) -> dict:
        """More for the page that shows a refused save."""
        return {}

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
        form.warn_writer(self.request)
        return redirect(self.get_success_url())
