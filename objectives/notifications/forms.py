"""The e-mail settings form (one choice per kind) and the filters of the board manager's e-mail log."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model

from ..models import EmailKind, EmailLog
from .kinds import KindInfo
from .preferences import Delivery


class EmailSettingsForm(forms.Form):
    """How the person wants to hear about each kind: a field per kind, named after it."""

    def __init__(self, *args, kinds: list[KindInfo], **kwargs):
        super().__init__(*args, **kwargs)
        for info in kinds:
            self.fields[info.kind] = forms.ChoiceField(
                label=info.label,
                choices=Delivery.choices,
                widget=forms.RadioSelect,
                help_text=f"Sent to you because {info.because}.",
            )


class EmailLogFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label="Kind", choices=EmailKind.choices, empty_label="Any kind")
    recipient = django_filters.ModelChoiceFilter(
        label="Person",
        queryset=get_user_model().objects.filter(emails__isnull=False).distinct().order_by("last_name", "first_name"),
        empty_label="Anyone",
    )
    status = django_filters.ChoiceFilter(label="Sent or failed", choices=EmailLog.Status.choices, empty_label="Any")

    class Meta:
        model = EmailLog
        fields = ["kind", "recipient", "status"]
