"""The form for a new review or CDOP action: reviews.services gives it its reference and makes it a plan action."""

from django import forms

from objectives.dates import DateFormatError, parse_flexible_date
from objectives.forms import TARGET_HELP
from objectives.identifiers import IdentifierWarningsMixin
from objectives.models import Agency, BusinessPlan


def agency_name(agency: Agency) -> str:
    return agency.name


class TrackedActionForm(IdentifierWarningsMixin, forms.Form):
    """The plan whose rounds collect the action's progress, the action, its lead agencies and target."""

    warn_about_fields = ("text",)
    plan = forms.ModelChoiceField(
        label="Reports in",
        queryset=BusinessPlan.objects.order_by("-starts_on", "-pk"),
        empty_label=None,
        help_text=(
            "Progress on the action is written, reminded and accepted in this plan's progress rounds, "
            "alongside the plan's own actions."
        ),
        error_messages={
            "required": "Choose the business plan this action reports in.",
            "invalid_choice": "Choose one of the business plans listed.",
        },
    )
    text = forms.CharField(
        label="Action",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Write what the action is."},
    )
    lead_agencies = forms.ModelMultipleChoiceField(
        label="Lead agencies",
        queryset=Agency.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Their agency contributors write the progress.",
        error_messages={
            "invalid_choice": "Choose from the agencies listed.",
            "invalid_pk_value": "Choose from the agencies listed.",
        },
    )
    target = forms.CharField(label="Target date", required=False, max_length=40, help_text=TARGET_HELP)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_agencies"].label_from_instance = agency_name
        # The latest plan is the one usually wanted.
        latest = self.fields["plan"].queryset.first()
        self.fields["plan"].initial = latest.pk if latest else None
        if latest is None:
            self.fields[
                "plan"
            ].help_text = "There is no business plan yet: add one first, as its rounds collect progress."

    def action_fields(self) -> dict:
        """The new action's text, lead agencies and target, as the services that add a tracked action take them."""
        target_on, target_is_month = self.cleaned_data["target"]
        return {
            "text": self.cleaned_data["text"],
            "lead_agencies": list(self.cleaned_data["lead_agencies"]),
            "target_on": target_on,
            "target_is_month": target_is_month,
        }

    def clean_target(self) -> tuple:
        """(target_on, target_is_month), or (None, False) when left blank."""
        text = self.cleaned_data["target"].strip()
        if not text:
            return None, False
        try:
            return parse_flexible_date(text)
        except DateFormatError as error:
            raise forms.ValidationError(str(error)) from None
