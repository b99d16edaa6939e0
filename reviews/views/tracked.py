"""Adding a plan action to a recommendation or a CDOP year: the form, the service call and the outcome."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from core.forms import add_service_error, warn_writer
from core.views import FormPageMixin
from objectives.models import Action


class TrackedActionCreateMixin(FormPageMixin):
    """A FormView whose valid TrackedActionForm becomes an action through a reviews.tracked service."""

    submit_label = "Add action"

    def add_action(self, **fields) -> Action:
        """Call the reviews.tracked service that adds the action to this page's source."""
        raise NotImplementedError

    def form_valid(self, form):
        data = form.cleaned_data
        target_on, target_is_month = data["target"]
        try:
            action = self.add_action(
                plan=data["plan"],
                text=data["text"],
                lead_agencies=list(data["lead_agencies"]),
                target_on=target_on,
                target_is_month=target_is_month,
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message.format(object=action))
        warn_writer(form, self.request)
        return redirect(self.get_success_url())
