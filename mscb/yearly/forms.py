"""The narrative of one section of the yearly report."""

from django import forms

from objectives.forms import LoadedVersionMixin, VersionField
from objectives.identifiers import IdentifierWarningsMixin

from ..models import YearlyNarrative


class NarrativeForm(LoadedVersionMixin, IdentifierWarningsMixin, forms.ModelForm):
    version = VersionField()
    warn_about_fields = ("text",)

    class Meta:
        model = YearlyNarrative
        fields = ["text"]
        labels = {"text": "Narrative"}
        help_texts = {
            "text": "What the figures mean and what the partners did about them. A blank line starts a new paragraph."
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 14})}
