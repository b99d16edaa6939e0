"""Tell the plan's action page where a review's or the panel's action comes from: "From: Child S, recommendation 2".

Both kinds are made by reviews.services with no objective, and nothing gives them one, so actions under an
objective are skipped without a query: a plan action's page costs nothing more.
"""

from objectives import action_sources
from objectives.action_sources import ActionSource

from .models import CdopAction, RecommendationAction, Review


def _without_objective(actions) -> list[int]:
    return [action.pk for action in actions if action.objective_id is None]


def recommendation_sources(actions, *, user) -> dict[int, ActionSource]:
    """The recommendation each of these actions carries out, linking to it on its review's page."""
    ids = _without_objective(actions)
    if not ids:
        return {}
    links = RecommendationAction.objects.filter(
        action_id__in=ids, recommendation__review__in=Review.objects.visible_to(user)
    ).select_related("recommendation__review")
    return {
        link.action_id: ActionSource(
            f"{link.recommendation.review}, recommendation {link.recommendation.number}",
            link.recommendation.get_absolute_url(),
        )
        for link in links
    }


def cdop_sources(actions, *, user) -> dict[int, ActionSource]:
    """The CDOP annual report each of these actions comes from, linking to that year's page."""
    ids = _without_objective(actions)
    if not ids or not user.has_perm("reviews.view_cdopyear"):
        return {}
    links = CdopAction.objects.filter(action_id__in=ids).select_related("year")
    return {
        link.action_id: ActionSource(f"CDOP {link.year.title} annual report", link.year.get_absolute_url())
        for link in links
    }


def register_action_sources() -> None:
    action_sources.register(recommendation_sources)
    action_sources.register(cdop_sources)
