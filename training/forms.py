"""Forms for courses, sessions, bookings, attendance, the attendees' evaluations, and what the paper counts."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q

from core.formats import long_date
from objectives.forms import DateInput, LoadedVersionMixin, VersionField
from objectives.identifiers import IdentifierWarningsMixin
from objectives.models import Agency, Objective

from .models import Course, Evaluation, PaperPeriod, Registration, TrainingFigure, TrainingSession
from .selectors import places_taken

DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


class ObjectiveChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, objective):
        return f"{objective.plan.title} – {objective.ref}: {objective.title}"


class CourseForm(LoadedVersionMixin, forms.ModelForm):
    version = VersionField()
    objectives = ObjectiveChoiceField(
        queryset=Objective.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Plan objectives it serves",
    )

    class Meta:
        model = Course
        fields = ["title", "description", "level", "duration_hours", "objectives", "non_attendance_charge", "is_active"]
        help_texts = {
            "non_attendance_charge": "Charged to the attendee’s agency for each booked place not used; 0 for none.",
            "is_active": "Untick when the board no longer runs this course.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Live objectives, plus any already chosen that were deleted since, so saving does not drop them silently.
        chosen = Q(pk__in=self.instance.objectives.all()) if self.instance.pk else Q(pk__in=[])
        self.fields["objectives"].queryset = (
            (Objective.objects.not_hidden() | Objective.objects.filter(chosen))
            .select_related("plan")
            .order_by("-plan__starts_on", "sort_key")
        )


class SessionForm(LoadedVersionMixin, forms.ModelForm):
    version = VersionField()

    class Meta:
        model = TrainingSession
        fields = ["starts_at", "ends_at", "venue", "is_online", "trainer", "places"]
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL),
        }
        help_texts = {"starts_at": "UK time.", "ends_at": "UK time; after the start."}

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", "The session must end after it starts.")
        if not cleaned.get("venue", "").strip() and not cleaned.get("is_online"):
            self.add_error("venue", "Give the venue, or tick “online” for an online session.")
        places = cleaned.get("places")
        if places is not None and self.instance.pk:
            taken = places_taken(self.instance)
            if places < taken:
                self.add_error(
                    "places",
                    f"{taken} places are already booked, so the session must offer at least {taken}. "
                    "Cancel bookings first to offer fewer.",
                )
        return cleaned


class RegistrationForm(LoadedVersionMixin, forms.ModelForm):
    version = VersionField()

    class Meta:
        model = Registration
        fields = ["attendee_name", "email", "agency", "job_role"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = Q(is_active=True) | Q(pk=self.instance.agency_id) if self.instance.agency_id else Q(is_active=True)
        self.fields["agency"].queryset = Agency.objects.filter(agencies)

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if self.instance.pk:
            others = self.instance.session.registrations.exclude(status=Registration.Status.CANCELLED)
            if others.exclude(pk=self.instance.pk).filter(email__iexact=email).exists():
                raise ValidationError(f"{email} is already booked or on the waiting list for this session.")
        return email


class AttendanceForm(forms.Form):
    """One Attended / Did not attend choice per booked person, named by registration id."""

    CHOICES = [
        (Registration.Status.ATTENDED, "Attended"),
        (Registration.Status.DID_NOT_ATTEND, "Did not attend"),
    ]

    def __init__(self, *args, registrations, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for registration in registrations:
            name = f"registration_{registration.pk}"
            marked = registration.status if registration.status in dict(self.CHOICES) else None
            self.fields[name] = forms.ChoiceField(
                label=registration.attendee_name,
                choices=self.CHOICES,
                widget=forms.RadioSelect,
                initial=marked,
                error_messages={"required": f"Choose attended or did not attend for {registration.attendee_name}."},
            )
            self.rows.append((registration, name))

    def people(self):
        """(registration, bound field) pairs for the template."""
        return [(registration, self[name]) for registration, name in self.rows]

    def outcomes(self) -> dict[int, str]:
        return {registration.pk: self.cleaned_data[name] for registration, name in self.rows}


# The attendees' two evaluation forms: straight after the session, and the follow-up three months later.

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
        labels = {"will_do_differently": "What will you do differently in your practice?"}
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
        labels = {"example": "An example of what you do differently"}
        help_texts = {"example": NO_CHILD_DATA}
        widgets = {"example": forms.Textarea(attrs={"rows": 4})}


FORMS = {Evaluation.Kind.AFTER_SESSION: AfterSessionForm, Evaluation.Kind.FOLLOW_UP: FollowUpForm}


class TrainingFigureForm(LoadedVersionMixin, IdentifierWarningsMixin, forms.ModelForm):
    """A figure for training not booked here; a single day's training leaves "to" blank."""

    warn_about_fields = ("note",)

    version = VersionField()

    class Meta:
        model = TrainingFigure
        fields = ["course_title", "course", "starts_on", "ends_on", "attended", "provider", "note"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput(), "note": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "starts_on": "The day the training ran, or the first day of the period the number covers.",
            "ends_on": "The last day of the period. Leave blank for a single day's training.",
        }
        error_messages = {
            "starts_on": {"invalid": "Enter the date the training ran or the period starts, such as 1 March 2011."},
            "ends_on": {"invalid": "Enter the date the period ends, such as 31 March 2013."},
            "attended": {
                "invalid": "Enter the number who attended as a whole number, such as 111.",
                "min_value": "Enter the number who attended: 1 or more.",
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = Course.objects.order_by("title")


class PaperPeriodForm(LoadedVersionMixin, forms.ModelForm):
    """Where the round's committee paper starts counting training: the plan's start unless the manager says."""

    version = VersionField()

    class Meta:
        model = PaperPeriod
        fields = ["starts_on"]
        widgets = {"starts_on": DateInput()}
        error_messages = {"starts_on": {"invalid": "Enter the date the figures start from, such as 1 March 2011."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        period = self.instance
        self.fields["starts_on"].help_text = (
            f"The paper counts training from this date to the round's as-of date, "
            f"{long_date(period.progress_round.as_of)}. Recorded figures count when their whole period falls within."
        )
