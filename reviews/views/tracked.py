"""Adding a plan action to a recommendation or a CDOP year: the form, the service call and the outcome."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from core.forms import add_service_error, warn_writer
from core.views import FormPageMixin
from objectives.models import Action


class TrackedActionCreateMixin(FormPageMixin):
    """A FormView whose valid TrackedActionForm becomes an action through a reviews.services service."""

    submit_label = "Add action"

    def add_action(self, **fields) -> Action:
        """Call the reviews.services service that adds the action to this page's source."""
        raise NotImplementedError

    def form_valid(self, form):
        try:
            action = self.add_action(plan=form.cleaned_data["plan"], **form.action_fields())
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message.format(object=action))
        warn_writer(form, self.request)
        return redirect(self.get_success_url())
