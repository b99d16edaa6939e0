"""Forms for the plan and its actions, rounds and progress. Each names what is wrong in the users' words."""

from django import forms
from django.db.models import Q

from core.rating import RAG, Scale

from .dates import DateFormatError, format_target, parse_flexible_date
from .identifiers import IdentifierWarningsMixin
from .models import Action, Agency, Aim, BusinessPlan, Objective, ProgressRound, ProgressUpdate


class DateInput(forms.DateInput):
    """The browser's own date picker; it always sends ISO dates."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class PlanForm(forms.ModelForm):
    class Meta:
        model = BusinessPlan
        fields = ["title", "starts_on", "ends_on"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}
        error_messages = {"title": {"unique": "A business plan with this title already exists."}}


class AimForm(forms.ModelForm):
    """An aim of the plan in the instance; the view sets the plan before binding."""

    number = forms.IntegerField(label="Number", min_value=1, max_value=999)

    class Meta:
        model = Aim
        fields = ["number", "title"]

    def clean_number(self):
        number = self.cleaned_data["number"]
        aim = self.instance
        if Aim.objects.filter(plan_id=aim.plan_id, number=number).exclude(pk=aim.pk).exists():
            raise forms.ValidationError(f"Aim {number} already exists in this plan.")
        # Objective references start with the aim's number, so renumbering would break them.
        if aim.pk and number != aim.number and aim.objectives.exists():
            raise forms.ValidationError(
                f"Aim {aim.number} has objectives numbered {aim.number}.1 and so on, so its number cannot change."
            )
        return number


class ObjectiveForm(forms.ModelForm):
    """An objective of the aim in the instance; the model's clean() checks the reference against the plan."""

    class Meta:
        model = Objective
        fields = ["ref", "title"]
        help_texts = {"ref": "Such as 1.2: the aim's number, a full stop and a number."}

    def clean_ref(self):
        ref = self.cleaned_data["ref"].strip()
        objective = self.instance
        # Action references start with the objective's, so changing it would strand them.
        if objective.pk and ref != objective.ref and objective.actions.exists():
            raise forms.ValidationError(f"Objective {objective.ref} has actions, so its reference cannot change.")
        return ref


class VersionField(forms.IntegerField):
    """The version of the row the form was loaded with, so a stale save is refused rather than lost."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, min_value=1, **kwargs)

    def clean(self, value):
        # A garbled version cannot match the row, so the save is refused as stale, with the usual message.
        try:
            return super().clean(value)
        except forms.ValidationError:
            return 0


TARGET_HELP = "Such as 2026-03-31, 2026-03 or March 2026. Leave blank if there is no target date."


class ActionForm(IdentifierWarningsMixin, forms.ModelForm):
    """An action of the objective in the instance, with its target written as boards write it."""

    warn_about_fields = ("text",)
    version = VersionField()
    target = forms.CharField(
        label="Target date",
        required=False,
        max_length=40,
        help_text=TARGET_HELP,
    )

    class Meta:
        model = Action
        fields = ["ref", "text", "lead_agencies", "status"]
        widgets = {"lead_agencies": forms.CheckboxSelectMultiple, "text": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"ref": "Such as 1.2.3: the objective's reference, a full stop and a number."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        action = self.instance
        # Inactive agencies stay ticked on actions they already lead, so editing never drops them silently.
        current = action.lead_agencies.all() if action.pk else Agency.objects.none()
        self.fields["lead_agencies"].queryset = Agency.objects.filter(Q(is_active=True) | Q(pk__in=current))
        self.fields["lead_agencies"].label_from_instance = lambda agency: agency.name
        self.fields["target"].initial = format_target(action.target_on, action.target_is_month)
        self.fields["version"].initial = action.version if action.pk else None
        if action.pk and action.objective_id is None:
            # A case review's or CDOP year's action: its reference (CS-2.1) says where it came from, and the
            # review and CDOP pages number the next one from it.
            self.fields["ref"].disabled = True
            self.fields["ref"].help_text = "Numbered by the review or CDOP year it comes from, so it cannot change."
        self.order_fields(["ref", "text", "lead_agencies", "target", "status"])

    def clean_ref(self):
        return self.cleaned_data["ref"].strip()

    def clean_target(self):
        text = self.cleaned_data["target"].strip()
        if not text:
            self.instance.target_on, self.instance.target_is_month = None, False
            return None
        try:
            self.instance.target_on, self.instance.target_is_month = parse_flexible_date(text)
        except DateFormatError as error:
            raise forms.ValidationError(str(error)) from None
        return self.instance.target_on

    def save(self, commit=True):
        action = self.instance
        if action.status == Action.Status.COMPLETED and action.completed_on is None:
            action.mark_completed()
        return super().save(commit=commit)


class RoundForm(forms.ModelForm):
    """A progress round of the plan in the instance; ProgressRound.clean() checks its dates against the plan."""

    class Meta:
        model = ProgressRound
        fields = ["as_of", "deadline"]
        widgets = {"as_of": DateInput(), "deadline": DateInput()}


class ProgressForm(IdentifierWarningsMixin, forms.ModelForm):
    """Progress for one action and round; saved through the workflow services, never save()."""

    warn_about_fields = ("progress", "impact")
    version = VersionField()

    class Meta:
        model = ProgressUpdate
        fields = ["rag", "progress", "impact"]
        widgets = {
            "progress": forms.Textarea(attrs={"rows": 8}),
            "impact": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, scale: Scale | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # Blank while there is no update yet: a save then finding one means someone else wrote it first.
        self.fields["version"].initial = self.instance.version if self.instance.pk else None
        self._rate_on(scale or RAG)

    def _rate_on(self, scale: Scale) -> None:
        """The rating as a choice of the plan's levels, "No rating" first (a new update's); none on a "none" scale."""
        if scale.is_none:
            del self.fields["rag"]
            return
        self.fields["rag"] = forms.ChoiceField(
            label="Rating",
            choices=[("", "No rating"), *((level.value, level.label) for level in scale.levels)],
            required=False,
            help_text="Leave it as “No rating” if the plan gives none this round: nothing is printed for it.",
        )


class ReviewForm(ProgressForm):
    """The board manager's review: the submitted text, editable, and a comment for returning it."""

    class Meta(ProgressForm.Meta):
        fields = ["rag", "progress", "impact", "return_comment"]
        labels = {"return_comment": "Comment for the agency"}
        help_texts = {"return_comment": "Needed to return the update: say what the agency should change."}
        widgets = {**ProgressForm.Meta.widgets, "return_comment": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A new comment each time: the last one is shown beside the form, not put back in it.
        self.initial["return_comment"] = ""
