"""Forms for a review's recommendations and for adding an action to one; each names what is wrong in users' words."""

from django import forms
from django.db.models import Q

from core.decision_forms import DECISION_FIELDS, DECISION_LABELS, DECISION_WIDGETS, DecisionFieldsMixin
from objectives.forms import LoadedVersionMixin, VersionField
from objectives.identifiers import IdentifierWarningsMixin
from objectives.models import Agency

from ..models import Recommendation
from .actions import TrackedActionForm, agency_name


class RecommendationForm(DecisionFieldsMixin, LoadedVersionMixin, IdentifierWarningsMixin, forms.ModelForm):
    """A recommendation of the review in the instance; the view sets the review before binding."""

    warn_about_fields = ("text",)
    number = forms.IntegerField(label="Number", min_value=1, max_value=999)
    version = VersionField()

    class Meta:
        model = Recommendation
        fields = ["number", "text", "agencies", *DECISION_FIELDS]
        labels = {"agencies": "Agencies it is for", **DECISION_LABELS}
        widgets = {
            "agencies": forms.CheckboxSelectMultiple,
            "text": forms.Textarea(attrs={"rows": 5}),
            **DECISION_WIDGETS,
        }
        help_texts = {
            "agencies": "New actions for the recommendation are led by these agencies unless you choose others."
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        recommendation = self.instance
        # Inactive agencies stay ticked where they already are, so editing never drops them silently.
        current = recommendation.agencies.all() if recommendation.pk else Agency.objects.none()
        self.fields["agencies"].queryset = Agency.objects.filter(Q(is_active=True) | Q(pk__in=current))
        self.fields["agencies"].label_from_instance = agency_name

    def clean_number(self):
        number = self.cleaned_data["number"]
        recommendation = self.instance
        taken = Recommendation.objects.filter(review_id=recommendation.review_id, number=number)
        if taken.exclude(pk=recommendation.pk).exists():
            raise forms.ValidationError(f"Recommendation {number} already exists in {recommendation.review}.")
        # Its actions' references carry the number (CS-2.1), so renumbering would leave them pointing elsewhere.
        if recommendation.pk and number != recommendation.number and recommendation.action_links.exists():
            raise forms.ValidationError(
                f"Recommendation {recommendation.number} has actions numbered "
                f"{recommendation.action_ref_prefix}1 and so on, so its number cannot change."
            )
        return number


class RecommendationActionForm(TrackedActionForm):
    """A new action of a recommendation, led to start with by the agencies the recommendation is for."""

    def __init__(self, *args, recommendation: Recommendation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_agencies"].help_text += " The recommendation's agencies are ticked to start."
        if not self.is_bound:
            self.fields["lead_agencies"].initial = [
                agency.pk for agency in recommendation.agencies.all() if agency.is_active
            ]
