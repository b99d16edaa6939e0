"""A review's or the panel's action carried into next year's plan stays that recommendation's or CDOP year's.

The carried action gets its own link, so the review's and the CDOP year's pages list it beside the one it
continues (which keeps its progress in the earlier plan), marked "carried over from 2025/26".
"""

from objectives import carry_over

from .models import CdopAction, RecommendationAction


def link_carried_action(old, new) -> None:
    """Link `new` to the recommendation or CDOP year `old` carries out, if any."""
    for pk in RecommendationAction.objects.filter(action=old).values_list("recommendation_id", flat=True):
        RecommendationAction.objects.create(recommendation_id=pk, action=new)
    for pk in CdopAction.objects.filter(action=old).values_list("year_id", flat=True):
        CdopAction.objects.create(year_id=pk, action=new)


def register_carry_over() -> None:
    carry_over.register(link_carried_action)
