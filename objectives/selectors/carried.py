"""An action's progress in the earlier plans it was carried over from, read from the new plan's action page."""

from dataclasses import dataclass

from django.db.models import Q

from ..models import Action, ProgressRound, ProgressUpdate


@dataclass
class EarlierRound:
    progress_round: ProgressRound
    update: ProgressUpdate | None  # its accepted progress, if any


@dataclass
class EarlierPlan:
    action: Action  # the action in the earlier plan, with its plan
    rounds: list[EarlierRound]


def earlier_progress(action: Action, *, user) -> list[EarlierPlan]:
    """The actions this one continues, newest plan first, each with its plan's rounds and accepted progress.

    Four queries however long the chain and however many rounds (none for an action carried from nowhere):
    the chain by its first action, the plans' rating levels, their rounds, and the accepted updates.
    """
    if action.chain_start_id is None:
        return []
    start = action.chain_start_id
    family = (
        Action.objects.visible_to(user)
        .filter(Q(pk=start) | Q(chain_start_id=start))
        .select_related("plan__rating_scale")
        .prefetch_related("plan__rating_scale__levels")
    )
    by_pk = {member.pk: member for member in family}
    # Walk back from this action: a chain may branch (one action carried into two plans), and only its own
    # ancestors are its history. A hidden ancestor ends the walk, as it is out of the plan.
    ancestors, pk = [], action.carried_from_id
    while pk in by_pk:
        ancestors.append(by_pk[pk])
        pk = by_pk[pk].carried_from_id
    if not ancestors:
        return []
    rounds = ProgressRound.objects.filter(plan_id__in={ancestor.plan_id for ancestor in ancestors}).order_by("-as_of")
    updates = ProgressUpdate.objects.visible_to(user).accepted().filter(action__in=[a.pk for a in ancestors])
    accepted = {(update.action_id, update.round_id): update for update in updates.order_by()}
    rounds_by_plan: dict[int, list[ProgressRound]] = {}
    for progress_round in rounds:
        rounds_by_plan.setdefault(progress_round.plan_id, []).append(progress_round)
    return [
        EarlierPlan(
            ancestor,
            [
                EarlierRound(progress_round, accepted.get((ancestor.pk, progress_round.pk)))
                for progress_round in rounds_by_plan.get(ancestor.plan_id, [])
            ],
        )
        for ancestor in ancestors
    ]
