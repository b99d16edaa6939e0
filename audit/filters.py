"""The security log's filters: what happened, who, from where, when, and where on the site."""

import django_filters
from django import forms

from objectives.forms import DateInput

from .models import SecurityEvent

INVALID_DATE = "Enter a date such as 4 December 2026."


class SecurityLogForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        # A "to" date before the "from" date is a slip to point out, not an empty list to puzzle over.
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_to"] < cleaned["date_from"]:
            self.add_error("date_to", "The “to” date must be on or after the “from” date.")
        return cleaned


class SecurityEventFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        label="What happened", choices=SecurityEvent.Kind.choices, empty_label="Anything"
    )
    username = django_filters.CharFilter(
        label="Username", lookup_expr="icontains", help_text="As typed at sign-in; part of it is enough."
    )
    address = django_filters.CharFilter(
        label="Address", lookup_expr="startswith", help_text="An IP address, or its start (such as 10.2.)."
    )
    date_from = django_filters.DateFilter(
        label="From", field_name="happened_at", lookup_expr="date__gte", widget=DateInput()
    )
    date_to = django_filters.DateFilter(
        label="To", field_name="happened_at", lookup_expr="date__lte", widget=DateInput()
    )
    path = django_filters.CharFilter(label="Page address contains", lookup_expr="icontains")

    class Meta:
        model = SecurityEvent
        form = SecurityLogForm
        fields = ["kind", "username", "address", "date_from", "date_to", "path"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("date_from", "date_to"):
            self.form.fields[name].error_messages["invalid"] = INVALID_DATE
