"""Forms for case audits: the audit, its questions and cases, an agency's grades, completing it, a recommendation.

Each names what is wrong in the users' words; free text is checked for a child's NHS number or date of birth.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q

from core.forms import DATE_INPUT_FORMATS, IsoDateField
from core.models import RatingScale
from objectives.forms import LoadedVersionMixin, VersionField
from objectives.identifiers import IdentifierWarningsMixin
from objectives.models import Agency
from reviews.forms.actions import agency_name

from ..models import AuditCase, CaseAudit
from ..models.audits import validate_case_code
from ..services.audits import GradeEntry, split_case_codes

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _agency_choices(current) -> Q:
    # Inactive agencies stay ticked where they already are, so editing never drops them silently.
    return Q(is_active=True) | Q(pk__in=current)


class CaseAuditForm(LoadedVersionMixin, IdentifierWarningsMixin, forms.ModelForm):
    warn_about_fields = ("theme",)
    held_on = IsoDateField(label="Audit date", input_formats=DATE_INPUT_FORMATS, widget=DATE_WIDGET)
    version = VersionField()

    class Meta:
        model = CaseAudit
        fields = ["theme", "held_on", "plan", "scale", "agencies", "status"]
        widgets = {"agencies": forms.CheckboxSelectMultiple}
        help_texts = {"agencies": "Each grades its own part in every case."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.agencies.all() if self.instance.pk else Agency.objects.none()
        self.fields["agencies"].queryset = Agency.objects.filter(_agency_choices(current))
        self.fields["agencies"].label_from_instance = agency_name
        self.fields["plan"].label = "Business plan"
        self.fields["plan"].help_text = "The plan whose progress rounds the actions on its recommendations report in."
        self.fields["scale"].queryset = RatingScale.objects.exclude(name="none")
        # Completing an audit is its own page, which asks for the findings and learning.
        if self.instance.status == CaseAudit.Status.COMPLETED:
            del self.fields["status"]
        else:
            self.fields["status"].choices = [
                (value, label) for value, label in CaseAudit.Status.choices if value != CaseAudit.Status.COMPLETED
            ]


class QuestionForm(IdentifierWarningsMixin, forms.Form):
    warn_about_fields = ("text",)
    text = forms.CharField(
        label="Question",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Write the question the agencies grade each case against."},
    )


class CasesForm(forms.Form):
    codes = forms.CharField(
        label="Case codes",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One a line, or separated by commas, such as A1, A2, HB-07. Never a name or a date of birth.",
        error_messages={"required": "Write at least one case code."},
    )

    def clean_codes(self) -> list[str]:
        codes, problems = split_case_codes(self.cleaned_data["codes"]), []
        for code in codes:
            try:
                validate_case_code(code)
            except ValidationError as error:
                problems += [f"“{code}” is not a case code. {message}" for message in error.messages]
        if problems:
            raise ValidationError(problems)
        return codes


class CompleteAuditForm(LoadedVersionMixin, IdentifierWarningsMixin, forms.ModelForm):
    warn_about_fields = ("findings", "learning")
    completed_on = IsoDateField(label="Completed on", input_formats=DATE_INPUT_FORMATS, widget=DATE_WIDGET)
    version = VersionField()

    class Meta:
        model = CaseAudit
        fields = ["findings", "learning", "completed_on"]
        widgets = {"findings": forms.Textarea(attrs={"rows": 6}), "learning": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["findings"].required = True
        self.fields["findings"].error_messages["required"] = "Write what the audit found."


class AuditRecommendationForm(IdentifierWarningsMixin, forms.Form):
    warn_about_fields = ("text",)
    text = forms.CharField(
        label="Recommendation",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Write what the audit recommends."},
    )
    agencies = forms.ModelMultipleChoiceField(
        label="Agencies it is for",
        queryset=Agency.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose from the agencies listed."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agencies"].label_from_instance = agency_name


class GradingForm(IdentifierWarningsMixin, forms.Form):
    """One agency's grade and comment per case and question, each cell carrying the version it was loaded with."""

    def __init__(self, *args, cases, questions, scale, gradings: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.cells = [(case, question) for case in cases for question in questions]
        choices = [("", "Not graded"), *((level.value, level.label) for level in scale.levels)]
        for case, question in self.cells:
            saved = gradings.get((case.pk, question.pk))
            name, where = f"{case.pk}_{question.pk}", f"Case {case.code}, question {question.number}"
            self.fields[f"grade_{name}"] = forms.ChoiceField(
                label=f"{where}: grade",
                choices=choices,
                required=False,
                initial=saved.grade if saved else "",
                error_messages={"invalid_choice": f"{where}: choose one of the grades listed."},
            )
            self.fields[f"comment_{name}"] = forms.CharField(
                label=f"{where}: comment",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"}),
                initial=saved.comment if saved else "",
            )
            self.fields[f"version_{name}"] = VersionField(initial=saved.version if saved else None)
        self.warn_about_fields = tuple(f"comment_{case.pk}_{question.pk}" for case, question in self.cells)

    def rows(self):
        """The cells by case, for the table: (case, [(question, grade box, comment box, version box)])."""
        by_case: dict[AuditCase, list] = {}
        for case, question in self.cells:
            name = f"{case.pk}_{question.pk}"
            cell = (question, self[f"grade_{name}"], self[f"comment_{name}"], self[f"version_{name}"])
            by_case.setdefault(case, []).append(cell)
        return list(by_case.items())

    def entries(self) -> list[GradeEntry]:
        data = self.cleaned_data
        return [
            GradeEntry(
                case=case,
                question=question,
                grade=data[f"grade_{case.pk}_{question.pk}"],
                comment=data[f"comment_{case.pk}_{question.pk}"].strip(),
                expected_version=data[f"version_{case.pk}_{question.pk}"],
            )
            for case, question in self.cells
        ]
