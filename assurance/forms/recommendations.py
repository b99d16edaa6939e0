"""Forms for the register's own sources and their recommendations; the action form is case reviews' own."""

from django import forms

from core.forms import DATE_INPUT_FORMATS
from objectives.forms import LoadedVersionMixin, VersionField
from objectives.models import BusinessPlan
from reviews.forms.recommendations import RecommendationActionForm, RecommendationForm

from ..models import AssuranceRecommendation, RecommendationSource

__all__ = ["AssuranceRecommendationForm", "RecommendationActionForm", "SourceForm"]


class SourceForm(LoadedVersionMixin, forms.ModelForm):
    """An inspection, review or audit that made recommendations to the board."""

    version = VersionField()

    class Meta:
        model = RecommendationSource
        fields = ["kind", "title", "code", "reported_on", "summary", "plan"]
        labels = {"kind": "What made the recommendations", "plan": "Actions report in"}
        widgets = {
            "reported_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "summary": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reported_on"].input_formats = DATE_INPUT_FORMATS
        self.fields["plan"].queryset = BusinessPlan.objects.order_by("-starts_on", "-pk")
        self.fields["plan"].empty_label = None
        self.fields["code"].error_messages["unique"] = "Another source has this reference prefix; choose another."
        self.fields["title"].error_messages["unique"] = (
            "Another source has this title; add its date to tell them apart."
        )

    def clean_code(self):
        code = self.cleaned_data["code"]
        source = self.instance
        # Its actions' references start with the code (OF26-3.1), so changing it would leave them pointing elsewhere.
        if source.pk and code != source.code and source.recommendations.filter(action_links__isnull=False).exists():
            raise forms.ValidationError(
                f"Actions are numbered {source.code}-1.1 and so on, so the prefix cannot change."
            )
        return code


class AssuranceRecommendationForm(RecommendationForm):
    """A numbered recommendation of the source in the instance, with the board's decision on it."""

    class Meta(RecommendationForm.Meta):
        model = AssuranceRecommendation

    def clean_number(self):
        number = self.cleaned_data["number"]
        recommendation = self.instance
        taken = AssuranceRecommendation.objects.filter(source_id=recommendation.source_id, number=number)
        if taken.exclude(pk=recommendation.pk).exists():
            raise forms.ValidationError(f"Recommendation {number} already exists in {recommendation.source}.")
        if recommendation.pk and number != recommendation.number and recommendation.action_links.exists():
            raise forms.ValidationError(
                f"Recommendation {recommendation.number} has actions numbered "
                f"{recommendation.action_ref_prefix}1 and so on, so its number cannot change."
            )
        return number
