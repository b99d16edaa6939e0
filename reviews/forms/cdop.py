"""Forms for the child death overview panel: a year's report on one page, and an action from its annual report.

Every figure is optional: a blank box means the board does not have that figure, which is saved as unknown,
never as 0, so a year may hold only the panel's narrative.
"""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row
from django import forms
from django.db.models import Q

from objectives.forms import DateInput, LoadedVersionMixin, VersionField
from objectives.identifiers import IdentifierWarningsMixin

from ..models import CdopCategory, CdopYear
from .actions import TrackedActionForm

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


UNKNOWN_HELP = "Leave blank if the report does not give it; 0 means none."


class CdopYearForm(LoadedVersionMixin, IdentifierWarningsMixin, forms.ModelForm):
    """A year's report with a number per category: the active categories and any retired one it already counts.

    Saved through services.save_cdop_year, never save(), so the year and its figures go in together.
    """

    warn_about_fields = ("summary", "narrative")

    version = VersionField()
    deaths_reviewed = count_field("Deaths reviewed", required=False, help_text=UNKNOWN_HELP)
    with_modifiable_factors = count_field(
        "Reviews finding modifiable factors",
        required=False,
        help_text="Cannot be more than the deaths reviewed. " + UNKNOWN_HELP,
    )

    class Meta:
        model = CdopYear
        fields = ["title", "ends_on", "deaths_reviewed", "with_modifiable_factors", "summary", "narrative"]
        widgets = {
            "ends_on": DateInput(),
            "summary": forms.Textarea(attrs={"rows": 6}),
            "narrative": forms.Textarea(attrs={"rows": 10}),
        }
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
            # Blank, not 0, where the year has no figure: saving the form unchanged records nothing.
            field.initial = counted.get(category.pk)
            self.fields[self.category_field_name(category)] = field

        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the template's <form> has the token
        self.helper.layout = Layout(
            "version",
            Row(Column("title"), Column("ends_on")),
            Row(Column("deaths_reviewed"), Column("with_modifiable_factors")),
            Fieldset(
                "Deaths by category (leave blank those the report does not give)",
                *(self.category_field_name(category) for category in self.categories),
                css_class="cdop-categories",
            ),
            "summary",
            "narrative",
        )

    @staticmethod
    def category_field_name(category: CdopCategory) -> str:
        return f"category_{category.pk}"

    def clean_title(self):
        return self.cleaned_data["title"].strip()

    def figures(self) -> dict[CdopCategory, int | None]:
        """Deaths per category as entered; None where the box was left blank (not recorded)."""
        return {category: self.cleaned_data.get(self.category_field_name(category)) for category in self.categories}


class CdopActionForm(TrackedActionForm):
    """A new action from the panel's annual report."""
