"""Case reviews' recommendations in the one register (core.recommendations), each with its review as source.

Read in three queries however many there are: the recommendations with their reviews, their agencies, and
their actions (through the links).
"""

from django.db.models import Prefetch
from django.urls import reverse

from core.recommendations import Entry, decision_of, entry_action
from objectives.models import Action

from .models import Recommendation, RecommendationAction, Review

KIND = "case_review"
KIND_LABEL = "Case review"


def review_entries(*, user=None) -> list[Entry]:
    """Every case review recommendation `user` may read (all when None), as register entries."""
    reviews = Review.objects.all() if user is None else Review.objects.visible_to(user)
    if user is not None and not user.has_perm("reviews.view_recommendation"):
        return []
    may_edit = user is not None and user.has_perm("reviews.change_recommendation")
    links = RecommendationAction.objects.filter(action__in=Action.objects.not_hidden()).select_related("action")
    recommendations = (
        Recommendation.objects.filter(review__in=reviews)
        .select_related("review")
        .prefetch_related("agencies", Prefetch("action_links", queryset=links.order_by("action__sort_key")))
    )
    return [_entry(recommendation, may_edit) for recommendation in recommendations]


def _entry(recommendation: Recommendation, may_edit: bool) -> Entry:
    review = recommendation.review
    agencies = list(recommendation.agencies.all())
    return Entry(
        kind=KIND,
        kind_label=KIND_LABEL,
        source=str(review),
        source_url=review.get_absolute_url(),
        reported_on=review.published_on or review.completed_on,
        number=recommendation.number,
        text=recommendation.text,
        url=recommendation.get_absolute_url(),
        agencies=tuple(agency.name for agency in agencies),
        agency_ids=frozenset(agency.pk for agency in agencies),
        actions=tuple(entry_action(link.action) for link in recommendation.action_links.all()),
        edit_url=reverse("reviews:recommendation_update", args=[recommendation.pk]) if may_edit else "",
        **decision_of(recommendation),
    )
