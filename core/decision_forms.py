"""The board's decision on a recommendation, as form fields: case reviews' and assurance's forms list these.

The rules (reasons for a recommendation partly or not accepted, a date, not in the future) are the model's
clean() in core.models.decisions, so a ModelForm listing these fields shows its messages beside them.
"""

from django import forms

from .forms import DATE_INPUT_FORMATS

DECISION_FIELDS = ["decision", "decision_reasons", "decided_by", "decision_meeting", "decided_on"]

DECISION_WIDGETS = {
    "decision": forms.RadioSelect,
    "decision_reasons": forms.Textarea(attrs={"rows": 3}),
    "decided_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
}

DECISION_LABELS = {"decision": "The board's decision"}


class DecisionFieldsMixin:
    """For a ModelForm of a RecordedDecision: the decision date also accepts 31/03/2026, as other date boxes do."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decided_on"].input_formats = DATE_INPUT_FORMATS
        self.fields["decided_on"].error_messages["invalid"] = "Write the date as a day, such as 2026-03-12."
