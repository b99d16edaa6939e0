"""The people pages' form and filters. Rules that need other rows (a free e-mail address) are in services/people.py."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from . import roles
from .models import Agency
from .services.people import link_lasts

YES_NO = [("yes", "Yes"), ("no", "No")]


class PersonForm(forms.Form):
    """A person's name, work e-mail, agencies and role; the update page binds it to an existing person."""

    first_name = forms.CharField(label="First name", max_length=150)
    last_name = forms.CharField(label="Last name", max_length=150)
    email = forms.EmailField(
        label="Work e-mail",
        max_length=254,
        help_text="It becomes their username for signing in, and the invitation goes to it.",
    )
    agencies = forms.ModelMultipleChoiceField(
        label="Agencies",
        queryset=Agency.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Required for agency contributors: they write progress for the actions these agencies lead.",
    )
    role = forms.ChoiceField(label="Role", choices=roles.ROLE_CHOICES, widget=forms.RadioSelect)

    def __init__(self, *args, person=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Inactive agencies stay on offer to the people already in them, so saving never drops them silently.
        current = person.agencies.all() if person is not None else Agency.objects.none()
        self.fields["agencies"].queryset = Agency.objects.filter(Q(is_active=True) | Q(pk__in=current))
        self.fields["agencies"].label_from_instance = lambda agency: agency.name

    @classmethod
    def initial_for(cls, person) -> dict:
        return {
            "first_name": person.first_name,
            "last_name": person.last_name,
            "email": person.email,
            "agencies": list(person.agencies.all()),
            "role": roles.role_of(person),
        }


class PersonUpdateForm(PersonForm):
    """The edit form for someone who has not chosen a password yet: it can send the invitation again."""

    resend_invitation = forms.BooleanField(
        label="E-mail them a new invitation link",
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[
            "resend_invitation"
        ].help_text = f"They have not set a password yet, and the link in an invitation works for {link_lasts()}."


class PersonFilter(django_filters.FilterSet):
    agency = django_filters.ModelChoiceFilter(
        label="Agency", field_name="agencies", queryset=Agency.objects.all(), empty_label="Any agency"
    )
    role = django_filters.ChoiceFilter(
        label="Role", field_name="groups__name", choices=roles.ROLE_CHOICES, empty_label="Any role"
    )
    active = django_filters.ChoiceFilter(label="Active", choices=YES_NO, method="filter_active", empty_label="Either")

    class Meta:
        model = get_user_model()
        fields = ["agency", "role", "active"]

    def filter_active(self, queryset, name, value):
        return queryset.filter(is_active=value == "yes")
