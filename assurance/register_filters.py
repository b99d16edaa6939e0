"""The register's filters: by source kind, agency, decision and status. The entries are plain dataclasses from
every app (core.recommendations), so they are filtered here in Python rather than in a query."""

from django import forms

from core.models.decisions import Decision
from core.recommendations import Entry, Status
from objectives.models import Agency
from reviews.register_entries import KIND as CASE_REVIEW
from reviews.register_entries import KIND_LABEL as CASE_REVIEW_LABEL

from .models import RecommendationSource

# Decision.AWAITING is stored as "", which a GET form reads as "any"; the filter names it instead.
AWAITING = "awaiting"
DECISION_CHOICES = [("", "Any decision"), (AWAITING, Decision.AWAITING.label)] + [
    (decision.value, decision.label) for decision in Decision if decision != Decision.AWAITING
]


class RegisterFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label="Source",
        required=False,
        choices=[("", "Any source"), (CASE_REVIEW, CASE_REVIEW_LABEL), *RecommendationSource.Kind.choices],
    )
    agency = forms.ModelChoiceField(
        label="Agency", required=False, queryset=Agency.objects.order_by("name"), empty_label="Any agency"
    )
    decision = forms.ChoiceField(label="Decision", required=False, choices=DECISION_CHOICES)
    status = forms.ChoiceField(label="Status", required=False, choices=[("", "Any status"), *Status.choices])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].label_from_instance = lambda agency: agency.name

    def filter(self, entries: list[Entry]) -> list[Entry]:
        """The entries that pass every filter chosen; a bad choice filters nothing and shows its error."""
        if not self.is_valid():
            return entries
        wanted = self.cleaned_data
        if wanted["kind"]:
            entries = [entry for entry in entries if entry.kind == wanted["kind"]]
        if wanted["agency"]:
            entries = [entry for entry in entries if wanted["agency"].pk in entry.agency_ids]
        if wanted["decision"]:
            decision = Decision.AWAITING if wanted["decision"] == AWAITING else wanted["decision"]
            entries = [entry for entry in entries if entry.decision == decision]
        if wanted["status"]:
            entries = [entry for entry in entries if entry.status == wanted["status"]]
        return entries

    @property
    def is_filtered(self) -> bool:
        return any(self.data.get(name) for name in self.fields)
