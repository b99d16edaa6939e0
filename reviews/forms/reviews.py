"""The review register's form; services.save_review saves it without overwriting someone else's changes."""

from django import forms
from django.db.models import Q

from objectives.forms import DateInput, LoadedVersionMixin, VersionField
from objectives.identifiers import IdentifierWarningsMixin
from objectives.models import Objective

from ..models import RecommendationAction, Review, Subgroup

DATE_FIELDS = [
    "incident_notified_on",
    "panel_notified_on",
    "rapid_review_on",
    "decided_on",
    "commissioned_on",
    "due_on",
    "completed_on",
    "published_on",
    "closed_on",
]


class ObjectiveChoices(forms.ModelMultipleChoiceField):
    # Objective refs repeat from plan to plan, so each choice names its plan.
    def label_from_instance(self, obj):
        gone = " (deleted)" if obj.is_deleted or obj.aim.is_deleted else ""
        return f"{obj.ref} {obj.title} ({obj.plan.title}){gone}"


class ReviewForm(LoadedVersionMixin, IdentifierWarningsMixin, forms.ModelForm):
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
            "decided_on": "Decision to hold the review",
            "commissioned_on": "Review commissioned",
            "due_on": "Review due",
            "completed_on": "Review completed",
            "published_on": "Report published",
            "closed_on": "Review closed",
        }
        help_texts = {
            "name": "The anonymised name the review is known by, such as “Child S”. Never the child’s real name.",
            "incident_notified_on": (
                "For an incident from 29 June 2018 on, the national panel must be told within 5 working days of "
                "this date, and the rapid review held within 15."
            ),
            "decided_on": (
                "The decision to initiate the review. A serious case review decided before 29 June 2018 is due "
                "six months after it (four under the 2006 guidance), unless you give the date it is due."
            ),
            "closed_on": "Committee papers dated from this day on leave the review out.",
        }
        widgets = {"summary": forms.Textarea(attrs={"rows": 5}), **{name: DateInput() for name in DATE_FIELDS}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        review = self.instance
        # Objectives deleted since they were linked stay ticked, so editing the review never drops them silently.
        current = review.objectives.all() if review.pk else Objective.objects.none()
        self.fields["objectives"].queryset = (
            Objective.objects.filter(Q(is_deleted=False, aim__is_deleted=False) | Q(pk__in=current.values("pk")))
            .select_related("plan", "aim")
            .order_by("-plan__starts_on", "plan__title", "sort_key")
        )
        self.fields["kind"].choices = [("", "Choose the kind of review"), *Review.Kind.choices]
        self.fields["subgroup"].queryset = Subgroup.objects.all()
        self.fields["subgroup"].empty_label = "No subgroup"

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
