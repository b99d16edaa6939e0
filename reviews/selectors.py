"""The reads of case reviews and CDOP: what a review's or CDOP year's page shows below its own fields (the actions
and their latest progress) and a year's deaths by category.
"""

from dataclasses import dataclass

from django.db.models import OuterRef, Prefetch, Q, Subquery

from core.rating import Tally
from objectives.models import Action, Agency, ProgressUpdate
from objectives.models.actions import tallies_of

from .models import CdopCategory, CdopFigure, CdopYear, Recommendation, Review


@dataclass
class ReviewActionPlan:
    # Each recommendation carries `shown_actions`; each action its `latest_update` (None when there is none).
    recommendations: list[Recommendation]
    rag_counts: list[Tally]  # by latest rating, one tally per scale the actions' plans use
    action_count: int


def review_actions(review: Review, *, user):
    """The review's actions this user may see; hidden (deleted) ones never show."""
    return Action.objects.visible_to(user).filter(recommendation_link__recommendation__review=review)


def latest_accepted_progress(actions: list[Action], *, user) -> dict[int, ProgressUpdate]:
    """Each action's accepted update from its latest round, whichever plan's round it is, in one query (none for none).

    Unlike objectives.selectors.report.latest_accepted_updates, no round bounds it: a page shows the latest there is.
    """
    if not actions:
        return {}
    updates = (
        ProgressUpdate.objects.visible_to(user)
        .accepted()
        .filter(action__in=[action.pk for action in actions])
        .latest_per_action()
        .select_related("round")
        .order_by()
    )
    return {update.action_id: update for update in updates}


def give_recommendations_their_actions(recommendations, actions, *, link: str, user) -> list[Action]:
    """Give each recommendation its `shown_actions`, in reference order, and each action its `latest_update`.

    `actions` are the visible actions of these recommendations; `link` names the action's one-to-one link to its
    recommendation (a case review's or an assurance source's). Four queries however many: the actions, their lead
    agencies, their scales' levels and their latest accepted updates.
    """
    actions = list(
        actions.select_related(link, "plan__rating_scale", "carried_from__plan")
        .prefetch_related(
            Prefetch("lead_agencies", queryset=Agency.objects.order_by("name")), "plan__rating_scale__levels"
        )
        .order_by("sort_key", "pk")
    )
    updates = latest_accepted_progress(actions, user=user)
    by_recommendation: dict[int, list[Action]] = {recommendation.pk: [] for recommendation in recommendations}
    for action in actions:
        action.latest_update = updates.get(action.pk)
        by_recommendation[getattr(action, link).recommendation_id].append(action)
    for recommendation in recommendations:
        recommendation.shown_actions = by_recommendation[recommendation.pk]
    return actions


def review_action_plan(review: Review, *, user) -> ReviewActionPlan:
    """The review's recommendations with their actions and latest progress, in five queries however many.

    The counts by latest rating come from the actions listed, so they always agree with the table and cost no query.
    """
    recommendations = list(
        Recommendation.objects.filter(review=review)
        .order_by("number")
        .prefetch_related(Prefetch("agencies", queryset=Agency.objects.order_by("name")))
    )
    actions = give_recommendations_their_actions(
        recommendations, review_actions(review, user=user), link="recommendation_link", user=user
    )
    return ReviewActionPlan(
        recommendations=recommendations,
        rag_counts=tallies_of(actions),
        action_count=len(actions),
    )


def cdop_actions(user, years):
    """The live actions of these CDOP years this user may see."""
    return Action.objects.visible_to(user).filter(cdop_link__year__in=years)


def cdop_year_actions(year: CdopYear, *, user) -> list[Action]:
    """The year's actions in plan order, each with its `latest_update` (None when there is none): three queries."""
    actions = list(
        cdop_actions(user, [year])
        .select_related("plan__rating_scale", "carried_from__plan")
        .prefetch_related("lead_agencies", "plan__rating_scale__levels")
        .order_by("plan__starts_on", "sort_key", "pk")
    )
    latest = latest_accepted_progress(actions, user=user)
    for action in actions:
        action.latest_update = latest.get(action.pk)
    return actions


def cdop_categories_counted(year: CdopYear) -> list[CdopCategory]:
    """The categories with the year's `deaths` in each; retired ones only where the year counted them."""
    figure = CdopFigure.objects.filter(year_id=year.pk, category_id=OuterRef("pk")).values("deaths")[:1]
    return list(
        CdopCategory.objects.annotate(deaths=Subquery(figure)).filter(Q(is_active=True) | Q(deaths__isnull=False))
    )
