"""Forms for the child death overview panel: a year's figures on one page, and an action from its annual report."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row
from django import forms
from django.db.models import Q

from objectives.dates import DateFormatError, parse_flexible_date
from objectives.forms import DateInput, VersionField
from objectives.identifiers import IdentifierWarningsMixin
from objectives.models import Agency, BusinessPlan

from .models import CdopCategory, CdopYear

# Far above any panel's yearly count, and well inside every database's integer column.
MOST_DEATHS = 99_999


def count_field(label: str, *, required: bool, help_text: str = "") -> forms.IntegerField:
    """A whole number of deaths, 0 or more, with messages that say so."""
    return forms.IntegerField(
        label=label,
        required=required,
        min_value=0,
        max_value=MOST_DEATHS,
        help_text=help_text,
        error_messages={
            "required": "Enter a number, 0 if none.",
            "invalid": "Enter a whole number, such as 12.",
            "min_value": "Enter 0 or more.",
            "max_value": f"Enter a number no more than {MOST_DEATHS:,}.",
        },
    )


class CdopYearForm(IdentifierWarningsMixin, forms.ModelForm):
    """A year's figures with a number per category: the active categories and any retired one it already counts.

    Saved through cdop_services.save_cdop_year, never save(), so the year and its figures go in together.
    """

    warn_about_fields = ("summary",)

    version = VersionField()
    deaths_reviewed = count_field("Deaths reviewed", required=True)
    with_modifiable_factors = count_field(
        "Reviews finding modifiable factors", required=True, help_text="Cannot be more than the deaths reviewed."
    )

    class Meta:
        model = CdopYear
        fields = ["title", "ends_on", "deaths_reviewed", "with_modifiable_factors", "summary"]
        widgets = {"ends_on": DateInput(), "summary": forms.Textarea(attrs={"rows": 6})}
        error_messages = {
            "title": {"unique": "There is already a CDOP year with this title."},
            "ends_on": {"invalid": "Enter the date the year ends, such as 31 March 2025."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        year = self.instance
        counted = {figure.category_id: figure.deaths for figure in year.figures.all()} if year.pk else {}
        # A retired category stays on the years that counted it, so editing never drops a figure.
        self.categories = list(CdopCategory.objects.filter(Q(is_active=True) | Q(pk__in=counted)))
        for category in self.categories:
            label = category.name if category.is_active else f"{category.name} (no longer in use)"
            field = count_field(label, required=False)
            field.initial = counted.get(category.pk, 0)
            self.fields[self.category_field_name(category)] = field
        self.fields["version"].initial = year.version if year.pk else None

        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the template's <form> has the token
        self.helper.layout = Layout(
            "version",
            Row(Column("title"), Column("ends_on")),
            Row(Column("deaths_reviewed"), Column("with_modifiable_factors")),
            Fieldset(
                "Deaths by category",
                *(self.category_field_name(category) for category in self.categories),
                css_class="cdop-categories",
            ),
            "summary",
        )

    @staticmethod
    def category_field_name(category: CdopCategory) -> str:
        return f"category_{category.pk}"

    def clean_title(self):
        return self.cleaned_data["title"].strip()

    def figures(self) -> dict[CdopCategory, int]:
        """Deaths per category as entered; a blank count is 0."""
        return {
            category: self.cleaned_data.get(self.category_field_name(category)) or 0 for category in self.categories
        }


class CdopActionForm(IdentifierWarningsMixin, forms.Form):
    """A new action from the panel's annual report; tracked.add_cdop_action makes it a plan action."""

    warn_about_fields = ("text",)

    plan = forms.ModelChoiceField(
        label="Reports in",
        queryset=BusinessPlan.objects.order_by("-starts_on", "title"),
        empty_label=None,
        help_text="The business plan whose progress rounds collect this action's progress.",
        error_messages={
            "required": "Choose the business plan this action reports in.",
            "invalid_choice": "Choose one of the business plans listed.",
        },
    )
    text = forms.CharField(
        label="Action",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Write what the action is."},
    )
    lead_agencies = forms.ModelMultipleChoiceField(
        label="Lead agencies",
        queryset=Agency.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Their contributors write the action's progress.",
        error_messages={
            "invalid_choice": "Choose from the agencies listed.",
            "invalid_pk_value": "Choose from the agencies listed.",
        },
    )
    target = forms.CharField(
        label="Target date",
        required=False,
        max_length=40,
        help_text="Such as 2026-03-31, 2026-03 or March 2026. Leave blank if there is no target date.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_agencies"].label_from_instance = lambda agency: agency.name
        latest = self.fields["plan"].queryset.first()
        self.fields["plan"].initial = latest.pk if latest else None
        if latest is None:
            self.fields[
                "plan"
            ].help_text = "There is no business plan yet: add one first, as its rounds collect progress."

    def clean_target(self) -> tuple:
        """(target_on, target_is_month), or (None, False) when blank."""
        text = self.cleaned_data["target"].strip()
        if not text:
            return None, False
        try:
            return parse_flexible_date(text)
        except DateFormatError as error:
            raise forms.ValidationError(str(error)) from None
