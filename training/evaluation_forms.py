"""The attendees' two evaluation forms: straight after the session, and the follow-up three months later."""

from django import forms

from .models import Evaluation

NO_CHILD_DATA = "Please do not name or describe any child or family."


def _score(label: str, very: str) -> forms.TypedChoiceField:
    # Radio buttons in words as well as numbers: a bare 1–5 means different things to different people.
    choices = [(1, "1 – not at all"), (2, "2"), (3, "3"), (4, "4"), (5, f"5 – {very}")]
    return forms.TypedChoiceField(label=label, choices=choices, coerce=int, widget=forms.RadioSelect)


class AfterSessionForm(forms.ModelForm):
    relevance = _score("How relevant was the training to your work?", "very relevant")
    quality = _score("How good was the training?", "very good")
    confidence_before = _score("Before the training, how confident were you in this area of practice?", "very")
    confidence_after = _score("After the training, how confident are you in this area of practice?", "very")

    class Meta:
        model = Evaluation
        fields = ["relevance", "quality", "confidence_before", "confidence_after", "will_do_differently"]
        labels = {"will_do_differently": "What will you do differently in your practice? (optional)"}
        help_texts = {"will_do_differently": NO_CHILD_DATA}
        widgets = {"will_do_differently": forms.Textarea(attrs={"rows": 4})}


class FollowUpForm(forms.ModelForm):
    practice_changed = forms.ChoiceField(
        label="Has your practice changed because of the training?",
        choices=Evaluation.PracticeChanged.choices,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Evaluation
        fields = ["practice_changed", "example"]
        labels = {"example": "An example of what you do differently (optional)"}
        help_texts = {"example": NO_CHILD_DATA}
        widgets = {"example": forms.Textarea(attrs={"rows": 4})}


FORMS = {Evaluation.Kind.AFTER_SESSION: AfterSessionForm, Evaluation.Kind.FOLLOW_UP: FollowUpForm}
