"""Form pieces every app uses: a service's refusal on the form, a form after a conflict, a report's period."""

import copy
from datetime import date

from django import forms
from django.core.exceptions import ValidationError

from .formats import financial_year

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


def add_service_error(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's refusal on the form: beside the field it names if the form has it, else above."""
    if hasattr(error, "error_dict") and set(error.error_dict) <= set(form.fields):
        form.add_error(None, error)
    else:
        form.add_error(None, error.messages)


def form_after_conflict(form: forms.ModelForm, saved) -> forms.ModelForm:
    """The person's own text bound again with the saved row's version, so saving after merging goes through."""
    data = form.data.copy()
    data["version"] = saved.version
    # A copy: validating binds the person's text to the instance, and the saved text must stay as it was.
    merged = type(form)(data=data, instance=copy.copy(saved))
    merged.is_valid()
    return merged


def warn_writer(form: forms.BaseForm, request, **kwargs) -> None:
    """After a save, let the form warn about what was typed (a form may define `warn_writer(request)`)."""
    warn = getattr(form, "warn_writer", None)
    if warn is not None:
        warn(request, **kwargs)


class IsoDateField(forms.DateField):
    """A date field whose box always shows YYYY-MM-DD, the only form a browser's date input accepts.

    A date typed as 01/04/2026 (accepted, for browsers without a date picker) would otherwise be shown back
    as typed, which a date input rejects: the box looks empty and the next "Show" fails.
    """

    def prepare_value(self, value):
        if isinstance(value, str):
            try:
                return self.to_python(value) or value
            except ValidationError:
                return value
        return value


def _date_field(label: str) -> forms.DateField:
    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    return IsoDateField(label=label, input_formats=DATE_INPUT_FORMATS, widget=widget)


class PeriodForm(forms.Form):
    """From and to dates, the end on or after the start.

    The two fields are named by the page (`starts_on`/`ends_on` unless told), so addresses already
    shared keep working; `period()` gives the cleaned dates whatever the names.
    """

    def __init__(self, *args, start: str = "starts_on", end: str = "ends_on", **kwargs):
        super().__init__(*args, **kwargs)
        self.start, self.end = start, end
        self.fields[start] = _date_field("From")
        self.fields[end] = _date_field("To")

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get(self.start), cleaned.get(self.end)
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error(self.end, "The end of the period must be on or after its start.")
        return cleaned

    @classmethod
    def for_report(cls, query, *, today: date, start: str = "starts_on", end: str = "ends_on"):
        """A report page's period form and the (start, end) dates to report on.

        The financial year `today` falls in unless the address names either date; None for the dates when the
        address names an invalid period, so the page shows the form's message and no figures rather than
        another period's.
        """
        starts_on, ends_on = financial_year(today)
        asked = start in query or end in query
        form = cls(query if asked else None, initial={start: starts_on, end: ends_on}, start=start, end=end)
        if not asked:
            return form, (starts_on, ends_on)
        return form, form.period() if form.is_valid() else None

    def period(self) -> tuple:
        """The cleaned (start, end) dates of a valid form."""
        return self.cleaned_data[self.start], self.cleaned_data[self.end]


def error_summary(*sources) -> list[tuple[str, str]]:
    """Every error of the given forms and formsets as (message, link), for the summary atop a page.

    Errors about the whole form come first and link nowhere. A field's error links to its box (`#id_<field>`),
    named by its label, so that two "This field is required." links say which field each is; a hidden field's
    links nowhere, as there is nothing there to go to.
    """
    items = []
    for source in (source for source in sources if source):
        if isinstance(source, forms.BaseFormSet):
            items += [(str(error), "") for error in source.non_form_errors()]
            items += error_summary(*source.forms)
            continue
        items += [(str(error), "") for error in source.non_field_errors()]
        for field in (field for field in source if field.errors):
            if field.is_hidden:
                items += [(str(error), "") for error in field.errors]
            else:
                link = f"#{_first_box_id(field)}"
                items += [(f"{field.label}: {error}", link) for error in field.errors]
    return items


def _first_box_id(field: forms.BoundField) -> str:
    # Radio buttons and checkbox lists label no single box, so the link goes to the first choice, as GOV.UK's does.
    # Only asked for a field with errors: listing the choices reads them from the database.
    if field.id_for_label:
        return field.id_for_label
    subwidgets = field.subwidgets
    return subwidgets[0].id_for_label if subwidgets else field.auto_id
