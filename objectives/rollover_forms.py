"""The form that starts next year's plan from this one: its title and dates, and the open actions to carry over."""

import re
from datetime import timedelta

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
from django import forms

from core.formats import financial_year_named

from .dates import add_months
from .forms import DateInput
from .models import Action, BusinessPlan
from .services.rollover import open_actions

_YEARS = re.compile(r"(\d{4})/(\d{4}|\d{2})(?!\d)")


def next_year_title(title: str) -> str:
    """ "2026/27" after "2025/26" (and "CSE plan 2026/2027" after "CSE plan 2025/2026"); "" with no years in it."""
    match = _YEARS.search(title)
    if not match:
        return ""
    start, end = int(match[1]) + 1, int(match[2]) + 1
    following = f"{start}/{end % 10 ** len(match[2]):0{len(match[2])}d}"
    return title[: match.start()] + following + title[match.end() :]


def next_year_initial(source: BusinessPlan) -> dict:
    """The new plan's title and dates: the next financial year where the source is one, else the next 12 months."""
    title = next_year_title(source.title)
    if financial_year_named(source.title) == (source.starts_on, source.ends_on) and title:
        starts_on, ends_on = financial_year_named(title.strip())
    else:
        starts_on = source.ends_on + timedelta(days=1)
        ends_on = add_months(starts_on, 12) - timedelta(days=1)
    return {"title": title, "starts_on": starts_on, "ends_on": ends_on}


class RolloverForm(forms.Form):
    title = forms.CharField(label="Title of the new plan", max_length=100, help_text="Such as “2026/27”.")
    starts_on = forms.DateField(label="Start date", widget=DateInput)
    ends_on = forms.DateField(label="End date", widget=DateInput)
    # Every open action, ticked to start with; the template lists them under their aims and objectives.
    actions = forms.ModelMultipleChoiceField(
        label="Actions to carry over",
        queryset=Action.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one action to carry over."},
    )

    def __init__(self, *args, source: BusinessPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actions"].queryset = open_actions(source)
        self.helper = FormHelper()
        self.helper.form_tag = False
        # The actions are drawn by the page, grouped; crispy draws only the plan's own fields.
        self.helper.layout = Layout("title", "starts_on", "ends_on")

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on <= starts_on:
            self.add_error("ends_on", "The end date must be after the start date.")
        return cleaned
