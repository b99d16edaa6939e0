"""The retention periods' form, and the search for one person's training records by e-mail address."""

from django import forms

from mscb.models import RetentionPolicy
from objectives.forms import LoadedVersionMixin, VersionField

AT_LEAST_ONE = "Enter a whole number of at least 1: nothing can be kept for less."


class RetentionPolicyForm(LoadedVersionMixin, forms.ModelForm):
    version = VersionField()

    class Meta:
        model = RetentionPolicy
        fields = ["applied_imports_days", "staged_imports_days", "published_reports_months", "attendee_details_months"]
        help_texts = {
            "applied_imports_days": "A file is deleted this many days after its import was applied.",
            "staged_imports_days": "A file uploaded but never imported is deleted this many days after its upload.",
            "published_reports_months": "Published committee and yearly reports, counted in calendar months.",
            "attendee_details_months": (
                "Counted in calendar months from the end of the session. Names, e-mail addresses and job roles "
                "are then replaced; attendance figures by agency and course stay as they were."
            ),
        }
        error_messages = {
            name: {"min_value": AT_LEAST_ONE, "invalid": AT_LEAST_ONE, "required": AT_LEAST_ONE} for name in fields
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.IntegerField) and not isinstance(field, VersionField):
                field.min_value = 1
                field.widget.attrs.update(inputmode="numeric", min=1)


class PersonSearchForm(forms.Form):
    email = forms.EmailField(
        label="Their e-mail address",
        max_length=254,
        help_text="As they gave it when they booked; capitals do not matter.",
        error_messages={
            "required": "Enter the e-mail address the person booked training with.",
            "invalid": "Enter an e-mail address, such as name@example.org.",
        },
    )
