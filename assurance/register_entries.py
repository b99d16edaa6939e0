"""Recommendations from inspections, scrutiny and peer reviews, self-evaluation, Section 11 and case audits in the
one register (core.recommendations), each with its source.

Read in three queries however many there are: the recommendations with their sources, their agencies, and
their actions (through the links).
"""

from django.db.models import Prefetch
from django.urls import reverse

from core.recommendations import Entry, decision_of, entry_action
from objectives.models import Action

from .models import AssuranceRecommendation, SourcedRecommendationAction


def assurance_entries(*, user=None) -> list[Entry]:
    """Every assurance recommendation `user` may read (all when None), as register entries."""
    if user is not None and not user.has_perm("assurance.view_assurancerecommendation"):
        return []
    may_edit = user is not None and user.has_perm("assurance.change_assurancerecommendation")
    links = SourcedRecommendationAction.objects.filter(action__in=Action.objects.not_hidden()).select_related("action")
    recommendations = AssuranceRecommendation.objects.select_related("source").prefetch_related(
        "agencies", Prefetch("action_links", queryset=links.order_by("action__sort_key"))
    )
    return [_entry(recommendation, may_edit) for recommendation in recommendations]


def _entry(recommendation: AssuranceRecommendation, may_edit: bool) -> Entry:
    source = recommendation.source
    agencies = list(recommendation.agencies.all())
    return Entry(
        kind=source.kind,
        kind_label=source.get_kind_display(),
        source=source.title,
        source_url=source.get_absolute_url(),
        reported_on=source.reported_on,
        number=recommendation.number,
        text=recommendation.text,
        url=recommendation.get_absolute_url(),
        agencies=tuple(agency.name for agency in agencies),
        agency_ids=frozenset(agency.pk for agency in agencies),
        actions=tuple(entry_action(link.action) for link in recommendation.action_links.all()),
        edit_url=reverse("assurance:recommendation_update", args=[recommendation.pk]) if may_edit else "",
        **decision_of(recommendation),
    )
