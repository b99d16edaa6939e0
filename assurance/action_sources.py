"""Tell the plan's action page where an assurance action comes from: "From: Section 11 2025/26, standard 5",
or "From: Ofsted inspection of children's services, March 2026, recommendation 3".

Like case reviews' actions these have no objective, so actions under one are skipped without a query, and
both kinds of link are read in one query through the action's reverse one-to-one links.
"""

from django.core.exceptions import ObjectDoesNotExist

from objectives import action_sources
from objectives.action_sources import ActionSource
from objectives.models import Action


def _source(action, user) -> ActionSource | None:
    try:
        assessment = action.improvement_link.assessment
    except ObjectDoesNotExist:
        pass
    else:
        if not user.has_perm("assurance.view_section11return"):
            return None
        return_ = assessment.section11_return
        return ActionSource(f"{return_.cycle}, standard {assessment.standard.number}", return_.get_absolute_url())
    try:
        recommendation = action.assurance_recommendation_link.recommendation
    except ObjectDoesNotExist:
        return None
    if not user.has_perm("assurance.view_assurancerecommendation"):
        return None
    return ActionSource(
        f"{recommendation.source}, recommendation {recommendation.number}", recommendation.get_absolute_url()
    )


def assurance_sources(actions, *, user) -> dict[int, ActionSource]:
    """The Section 11 standard or the recommendation each of these actions carries out, with a link to it."""
    ids = [action.pk for action in actions if action.objective_id is None]
    if not ids or not user.has_perm("assurance.view_assurancerecommendation"):
        return {}
    linked = Action.objects.filter(pk__in=ids).select_related(
        "improvement_link__assessment__standard",
        "improvement_link__assessment__section11_return__cycle",
        "assurance_recommendation_link__recommendation__source",
    )
    found = ((action.pk, _source(action, user)) for action in linked)
    return {action_id: source for action_id, source in found if source is not None}


def register_action_sources() -> None:
    action_sources.register(assurance_sources)
