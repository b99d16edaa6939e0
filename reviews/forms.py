"""The review register's form, and saving it without overwriting someone else's changes."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from objectives.forms import DateInput, VersionField
from objectives.identifiers import IdentifierWarningsMixin
from objectives.models import Objective
from objectives.services.conflicts import take_next_version

from .models import RecommendationAction, Review, Subgroup

DATE_FIELDS = [
    "incident_notified_on",
    "panel_notified_on",
    "rapid_review_on",
    "commissioned_on",
    "due_on",
    "completed_on",
    "published_on",
]


class ObjectiveChoices(forms.ModelMultipleChoiceField):
    # Objective refs repeat from plan to plan, so each choice names its plan.
    def label_from_instance(self, obj):
        gone = " (deleted)" if obj.is_hidden else ""
        return f"{obj.ref} {obj.title} ({obj.plan.title}){gone}"


class ReviewForm(IdentifierWarningsMixin, forms.ModelForm):
    warn_about_fields = ("name", "summary")
    version = VersionField()
    objectives = ObjectiveChoices(
        label="Plan objectives it informs",
        queryset=Objective.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Review
        fields = ["name", "code", "kind", "status", "subgroup", "summary", "objectives", *DATE_FIELDS]
        labels = {
            "name": "Anonymised name",
            "code": "Reference prefix",
            "subgroup": "Owning subgroup",
            "incident_notified_on": "Date the board learned of the serious incident",
            "commissioned_on": "Review commissioned",
            "due_on": "Review due",
            "completed_on": "Review completed",
            "published_on": "Report published",
        }
        help_texts = {
            "name": "The anonymised name the review is known by, such as “Child S”. Never the child’s real name.",
            "incident_notified_on": (
                "The national panel must be told within 5 working days of this date, and the rapid review held "
                "within 15."
            ),
        }
        widgets = {"summary": forms.Textarea(attrs={"rows": 5}), **{name: DateInput() for name in DATE_FIELDS}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        review = self.instance
        # Objectives deleted since they were linked stay ticked, so editing the review never drops them silently.
        current = review.objectives.all() if review.pk else Objective.objects.none()
        self.fields["objectives"].queryset = (
            (Objective.objects.not_hidden() | Objective.objects.filter(pk__in=current.values("pk")))
            .select_related("plan", "aim")
            .order_by("-plan__starts_on", "plan__title", "sort_key")
        )
        self.fields["kind"].choices = [("", "Choose the kind of review"), *Review.Kind.choices]
        self.fields["subgroup"].queryset = Subgroup.objects.all()
        self.fields["subgroup"].empty_label = "No subgroup"
        self.fields["version"].initial = review.version if review.pk else None

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        taken = Review.objects.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(f"A review called “{name}” already exists.")
        return name

    def clean_code(self):
        code = self.cleaned_data["code"].strip().upper()
        review = self.instance
        if Review.objects.filter(code=code).exclude(pk=review.pk).exists():
            raise forms.ValidationError(f"Another review already uses the reference prefix {code}.")
        # The review's actions carry the prefix in their references (CS-1.1), so changing it would strand them.
        changed = review.pk and code != review.code
        if changed and RecommendationAction.objects.filter(recommendation__review=review).exists():
            raise forms.ValidationError(
                f"{review.name} has actions numbered {review.code}-1.1 and so on, "
                "so its reference prefix cannot change."
            )
        return code


@transaction.atomic
def save_review(*, form: ReviewForm, expected_version: int | None) -> Review:
    """Save a valid review form unless someone saved the review after the form was loaded."""
    review = form.instance
    if review.pk is not None:
        # Refused as a stale save of a plan action is, naming who saved it and when.
        take_next_version(review, expected_version=expected_version, subject=lambda saved: f"review {saved}")
    try:
        # A savepoint, so the refusal below leaves the transaction usable.
        with transaction.atomic():
            return form.save()
    except IntegrityError:
        # The form checked the name and prefix; another review with the same took them in the meantime.
        raise ValidationError(
            "Another review with this anonymised name or reference prefix was saved just now. "
            "Choose another and save again."
        ) from None
