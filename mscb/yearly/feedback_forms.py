"""The forms of the feedback pages: choosing a plan, and one piece of feedback from children and families."""

from django import forms

from objectives.forms import DateInput, LoadedVersionMixin, VersionField
from objectives.identifiers import IdentifierWarningsMixin
from objectives.models import BusinessPlan

from ..models.yearly import FamilyFeedback


class PlanChoiceForm(forms.Form):
    """Which plan's feedback the list shows; the newest plan when none is chosen."""

    plan = forms.ModelChoiceField(queryset=BusinessPlan.objects.all(), required=False, empty_label=None)


class FamilyFeedbackForm(LoadedVersionMixin, IdentifierWarningsMixin, forms.ModelForm):
    """The feedback of the instance's plan; its round, if any, is one of that plan's rounds."""

    # Children and families may be named in what they said: warned about, never refused.
    warn_about_fields = ("source", "summary", "response")

    version = VersionField()

    class Meta:
        model = FamilyFeedback
        fields = ["round", "received_on", "source", "summary", "response"]
        widgets = {
            "received_on": DateInput(),
            "summary": forms.Textarea(attrs={"rows": 5}),
            "response": forms.Textarea(attrs={"rows": 5}),
        }
        labels = {"round": "Progress round"}
        help_texts = {
            "round": "The round whose report the feedback was gathered for. Leave blank when it is for the year.",
            "summary": "What they told us, in a few lines. No names, dates of birth or NHS numbers.",
            "response": "What the partners changed or decided because of it. Leave blank until something is done.",
        }
        error_messages = {"received_on": {"invalid": "Enter the date it was received, such as 14 October 2025."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = self.instance.plan.rounds.order_by("as_of")
        self.fields["round"].empty_label = "The year as a whole"
