"""Section 11 forms: a cycle, an agency's return (one block per standard), the board's moderation and an
improvement action. assurance.services.section11 saves them; the forms only check the shape of the input."""

from django import forms

from core.models import RatingScale
from objectives.forms import DateInput, LoadedVersionMixin, VersionField
from objectives.models import Agency, BusinessPlan
from reviews.forms.actions import TrackedActionForm

from ..models import Section11Cycle, Standard, StandardAssessment

CYCLE_LABELS = {"opens_on": "Opens", "deadline": "Returns due", "plan": "Improvement actions report in"}


def agency_name(agency: Agency) -> str:
    return agency.name


class CycleCreateForm(forms.ModelForm):
    """A new cycle: what it asks, of whom, on which scale, and when."""

    class Meta:
        model = Section11Cycle
        fields = ["title", "code", "plan", "scale", "standards", "agencies", "opens_on", "deadline"]
        labels = CYCLE_LABELS
        widgets = {
            "standards": forms.CheckboxSelectMultiple,
            "agencies": forms.CheckboxSelectMultiple,
            "opens_on": DateInput,
            "deadline": DateInput,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = BusinessPlan.objects.order_by("-starts_on", "-pk")
        self.fields["scale"].queryset = RatingScale.objects.all()
        self.fields["standards"].queryset = Standard.objects.filter(is_active=True)
        self.fields["standards"].initial = list(self.fields["standards"].queryset)
        self.fields["agencies"].queryset = Agency.objects.filter(is_active=True).order_by("name")
        self.fields["agencies"].label_from_instance = agency_name
        built_in = RatingScale.objects.filter(name="section-11").first()
        self.fields["scale"].initial = built_in.pk if built_in else None

    def clean(self):
        cleaned = super().clean()
        opens_on, deadline = cleaned.get("opens_on"), cleaned.get("deadline")
        if opens_on and deadline and deadline < opens_on:
            self.add_error("deadline", "Returns cannot be due before the cycle opens.")
        return cleaned


class CycleEditForm(LoadedVersionMixin, forms.ModelForm):
    """An open cycle's own details; what it asks and of whom stay as opened, since the returns hold them."""

    version = VersionField()

    class Meta:
        model = Section11Cycle
        fields = ["title", "plan", "opens_on", "deadline"]
        labels = CYCLE_LABELS
        widgets = {"opens_on": DateInput, "deadline": DateInput}


def rating_choices(scale, *, blank: str | None) -> list[tuple[str, str]]:
    """The scale's levels as choices, best first, after a blank choice when one is allowed."""
    levels = sorted(scale.levels, key=lambda level: -level.rank)
    return ([("", blank)] if blank is not None else []) + [(level.value, level.label) for level in levels]


class AssessmentForm(forms.ModelForm):
    """One standard of the agency's return; `standard` is shown as the block's legend."""

    class Meta:
        model = StandardAssessment
        fields = ["rating", "evidence", "improvement_actions"]
        widgets = {
            "evidence": forms.Textarea(attrs={"rows": 3}),
            "improvement_actions": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"evidence": "What shows the arrangement is in place and working: policies, audits, figures."}

    def __init__(self, *args, scale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rating"] = forms.ChoiceField(
            label="Self-assessed rating", choices=rating_choices(scale, blank="Not rated yet"), required=False
        )


class ModerationForm(forms.ModelForm):
    """The board's challenge and agreed rating for one standard."""

    class Meta:
        model = StandardAssessment
        fields = ["challenge", "agreed_rating"]
        widgets = {"challenge": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"challenge": "What the board asked or questioned, and what the agency answered."}

    def __init__(self, *args, scale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreed_rating"] = forms.ChoiceField(
            label="Agreed rating",
            choices=rating_choices(scale, blank="Choose a rating"),
            error_messages={"required": "Choose the rating the board agreed."},
        )


class ReturnVersionForm(forms.Form):
    """The version of the return the page was loaded with, so a stale save is refused."""

    version = VersionField()


def assessment_formset(form_class, *, scale, data=None, queryset):
    """One form per standard of the return, in standard order; no adding or deleting standards here."""
    formset_class = forms.modelformset_factory(StandardAssessment, form=form_class, extra=0, can_delete=False)
    return formset_class(data=data, queryset=queryset, form_kwargs={"scale": scale}, prefix="standards")


class PublishForm(forms.Form):
    confirm_unmoderated = forms.BooleanField(
        label="Publish with the self-assessed ratings of the agencies not yet moderated", required=False
    )


class ImprovementActionForm(TrackedActionForm):
    """The improvement action: its text and target; the plan is the cycle's and the lead is the return's agency."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["plan"]
        del self.fields["lead_agencies"]
