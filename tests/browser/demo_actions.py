"""The demo board's actions the browser journeys work on."""

from objectives.models import Action


def police_action_without_update(plan, progress_round):
    """An open action the police lead that has nothing yet in the open round, first in reference order."""
    return (
        Action.objects.filter(plan=plan, lead_agencies__short_name="Police", status=Action.Status.OPEN)
        .exclude(progress_updates__round=progress_round)
        .in_ref_order()
        .first()
    )
