"""Forms for a review's recommendations and for adding an action to one; each names what is wrong in users' words."""

from django import forms
from django.db import transaction
from django.db.models import Q

from objectives import services
from objectives.dates import DateFormatError, parse_flexible_date
from objectives.forms import VersionField
from objectives.identifiers import IdentifierWarningsMixin
from objectives.models import Agency, BusinessPlan

from .models import Recommendation
from .tracked import recommendation_prefix

TARGET_HELP = "Such as 2026-03-31, 2026-03 or March 2026. Leave blank if there is no target date."


def _agency_name(agency: Agency) -> str:
    return agency.name


class RecommendationForm(IdentifierWarningsMixin, forms.ModelForm):
    """A recommendation of the review in the instance; the view sets the review before binding."""

    warn_about_fields = ("text",)
    number = forms.IntegerField(label="Number", min_value=1, max_value=999)
    version = VersionField()

    class Meta:
        model = Recommendation
        fields = ["number", "text", "agencies"]
        labels = {"agencies": "Agencies it is for"}
        widgets = {"agencies": forms.CheckboxSelectMultiple, "text": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "agencies": "New actions for the recommendation are led by these agencies unless you choose others."
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        recommendation = self.instance
        # Inactive agencies stay ticked where they already are, so editing never drops them silently.
        current = recommendation.agencies.all() if recommendation.pk else Agency.objects.none()
        self.fields["agencies"].queryset = Agency.objects.filter(Q(is_active=True) | Q(pk__in=current))
        self.fields["agencies"].label_from_instance = _agency_name
        self.fields["version"].initial = recommendation.version if recommendation.pk else None

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
                f"{recommendation_prefix(recommendation)}1 and so on, so its number cannot change."
            )
        return number


@transaction.atomic
def save_recommendation(*, form: RecommendationForm, expected_version: int | None) -> Recommendation:
    """Save a valid recommendation form unless someone saved the recommendation after the form was loaded."""
    recommendation = form.instance
    saved = Recommendation.objects.select_for_update(of=("self",)).filter(pk=recommendation.pk).order_by("pk").get()
    if saved.version != expected_version:
        # The same refusal, naming who saved it and when, as a stale save of a plan action gets.
        raise services.conflict_error(saved, f"recommendation {saved.number}")
    recommendation.version = saved.version + 1
    return form.save()


class RecommendationActionForm(IdentifierWarningsMixin, forms.Form):
    """A new action of a recommendation; reviews.tracked gives it its reference and makes it a plan action."""

    warn_about_fields = ("text",)
    plan = forms.ModelChoiceField(
        label="Reports in",
        queryset=BusinessPlan.objects.order_by("-starts_on", "-pk"),
        empty_label=None,
        help_text=(
            "Progress on the action is written, reminded and accepted in this plan's progress rounds, "
            "alongside the plan's own actions."
        ),
    )
    text = forms.CharField(label="Action", widget=forms.Textarea(attrs={"rows": 4}))
    lead_agencies = forms.ModelMultipleChoiceField(
        label="Lead agencies",
        queryset=Agency.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Their agency contributors write the progress. The recommendation's agencies are ticked to start.",
    )
    target = forms.CharField(label="Target date", required=False, max_length=40, help_text=TARGET_HELP)

    def __init__(self, *args, recommendation: Recommendation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_agencies"].label_from_instance = _agency_name
        if not self.is_bound:
            # The latest plan, and the agencies the recommendation is for, are what is usually wanted.
            self.fields["plan"].initial = self.fields["plan"].queryset.first()
            self.fields["lead_agencies"].initial = [
                agency.pk for agency in recommendation.agencies.all() if agency.is_active
            ]

    def clean_target(self) -> tuple:
        """(target_on, target_is_month), or (None, False) when left blank."""
        text = self.cleaned_data["target"].strip()
        if not text:
            return None, False
        try:
            return parse_flexible_date(text)
        except DateFormatError as error:
            raise forms.ValidationError(str(error)) from None
