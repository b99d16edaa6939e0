"""The board manager's agency forms: add or edit one, and choose the agency another is merged into."""

from django import forms
from django.core.exceptions import ValidationError

from .forms import LoadedVersionMixin, VersionField
from .models import Agency


class AgencyForm(LoadedVersionMixin, forms.ModelForm):
    version = VersionField()

    class Meta:
        model = Agency
        fields = ["name", "short_name", "is_statutory_partner", "is_active"]
        help_texts = {
            "short_name": "Optional: how tables and the paper name it when space is short, such as “Police”.",
            "is_active": "An inactive agency is no longer offered as a lead; what it led keeps it.",
        }
        error_messages = {"name": {"required": "Give the agency’s name."}}

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        # Case ignored: "kent police" beside "Kent Police" would be two agencies that are one.
        same = Agency.objects.filter(name__iexact=name).exclude(pk=self.instance.pk).first()
        if same is not None:
            raise ValidationError(
                f"There is already an agency called “{same.name}”. Choose another name, "
                "or merge the two agencies from the agencies list."
            )
        return name


class MergeChoiceForm(forms.Form):
    """Which agency keeps everything; offered: the other active agencies."""

    into = forms.ModelChoiceField(
        label="Agency to keep",
        queryset=Agency.objects.none(),
        empty_label="Choose an agency",
        help_text="Everything this agency has moves to the one you choose, and this agency is removed.",
        error_messages={
            "required": "Choose the agency to keep.",
            "invalid_choice": "Choose one of the active agencies listed: an agency cannot be merged into itself.",
        },
    )

    def __init__(self, *args, merged: Agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = Agency.objects.filter(is_active=True).exclude(pk=merged.pk).order_by("name")
        self.fields["into"].label_from_instance = lambda agency: agency.name


class MergeConfirmForm(MergeChoiceForm):
    """The preview's confirmation: the agency to keep and a fingerprint of exactly what the preview showed."""

    fingerprint = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].widget = forms.HiddenInput()
