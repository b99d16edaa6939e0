"""The board manager's forms for the year's budget: each lists its fields, and says plainly what is wrong.

Amounts may be typed as a spreadsheet shows them ("£12,500.00"): the pound sign, commas and spaces are dropped.
"""

from django import forms

from objectives.forms import LoadedVersionMixin, VersionField
from objectives.identifiers import IdentifierWarningsMixin
from objectives.models import Agency

from .models import PartnerContribution, SpendLine


class MoneyField(forms.DecimalField):
    """A pounds-and-pence amount that accepts "£12,500.00" as well as "12500"."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("£", "").replace(",", "").replace(" ", "")
        return super().to_python(value)


def money_errors(what: str, example: str) -> dict:
    """The messages for one amount, naming it, for a non-number, a negative or too many digits."""
    return {
        "invalid": f"Enter {what} in pounds and pence, such as {example}.",
        "min_value": f"Enter {what} as £0.00 or more: an amount cannot be negative.",
        "max_decimal_places": f"Enter {what} to the penny: no more than 2 figures after the point.",
        "max_digits": f"Enter {what} below £10,000,000,000.",
        "max_whole_digits": f"Enter {what} below £10,000,000,000.",
    }


CONTRIBUTION_FIELDS = ["agreed", "paid", "in_kind", "in_kind_value", "note"]


class ContributionEditForm(LoadedVersionMixin, IdentifierWarningsMixin, forms.ModelForm):
    """An agency's contribution; the agency stays as it was added (delete it and add another to change it)."""

    warn_about_fields = ("in_kind", "note")

    version = VersionField()

    class Meta:
        model = PartnerContribution
        fields = CONTRIBUTION_FIELDS
        field_classes = {"agreed": MoneyField, "paid": MoneyField, "in_kind_value": MoneyField}
        widgets = {"in_kind": forms.Textarea(attrs={"rows": 2}), "note": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "agreed": "What the agency agreed to put into the pooled budget this year, such as 12500.00.",
            "paid": "What it has paid so far. More than agreed is allowed: the budget page shows it.",
            "in_kind_value": "Leave blank if nobody has put a value on it.",
        }
        error_messages = {
            "agreed": money_errors("the amount agreed", "12500.00"),
            "paid": money_errors("the amount paid so far", "6250.00"),
            "in_kind_value": money_errors("the estimated value in kind", "1500.00"),
        }


class ContributionAddForm(ContributionEditForm):
    """A new contribution: the agency is chosen from those not yet on this plan year's list."""

    class Meta(ContributionEditForm.Meta):
        fields = ["agency", *CONTRIBUTION_FIELDS]
        error_messages = {
            **ContributionEditForm.Meta.error_messages,
            "agency": {"required": "Choose the agency.", "invalid_choice": "Choose an agency from the list."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["agency"]
        field.queryset = Agency.objects.filter(is_active=True)
        # Offered: those not yet on the list. One sent anyway (from a page loaded before another tab added it)
        # passes here and is refused by the service, which names the agency.
        on_the_list = PartnerContribution.objects.filter(plan=self.instance.plan_id).values("agency")
        offered = field.queryset.exclude(pk__in=on_the_list)
        field.widget.choices = [("", field.empty_label), *((agency.pk, str(agency)) for agency in offered)]


class SpendLineForm(LoadedVersionMixin, IdentifierWarningsMixin, forms.ModelForm):
    """A heading of the year's spend, such as "Independent chair", with what was budgeted and spent."""

    warn_about_fields = ("note",)

    version = VersionField()

    class Meta:
        model = SpendLine
        fields = ["heading", "budgeted", "spent", "position", "note"]
        field_classes = {"budgeted": MoneyField, "spent": MoneyField}
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "heading": "Such as Independent chair, Case reviews or Multi-agency training.",
            "position": "Headings are listed from the lowest number; equal numbers go in alphabetical order.",
        }
        error_messages = {
            "heading": {"required": "Enter the heading, such as Case reviews."},
            "budgeted": money_errors("the amount budgeted", "25000.00"),
            "spent": money_errors("the amount spent", "18250.00"),
            "position": {
                "invalid": "Enter the position as a whole number, such as 1.",
                "min_value": "Enter the position as 0 or more.",
            },
        }
