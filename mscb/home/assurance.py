"""Section 11 returns on the home pages: those an agency still has to send, and those waiting on the board manager.

Only cycles whose grid is not yet published: once it is out, a return is history, read on the cycle's page.
"""

from assurance.models import Section11Return


def _open_returns():
    return Section11Return.objects.filter(cycle__published_on__isnull=True).select_related("cycle", "agency")


def returns_to_send(user) -> list[Section11Return]:
    """This person's agencies' returns not yet submitted, the soonest deadline first: one query."""
    waiting = _open_returns().filter(agency__members=user, status=Section11Return.Status.DRAFT)
    return list(waiting.order_by("cycle__deadline", "agency__name"))


def returns_to_moderate() -> list[Section11Return]:
    """Returns submitted and not yet moderated, the longest-waiting first: one query."""
    waiting = _open_returns().filter(status=Section11Return.Status.SUBMITTED)
    return list(waiting.order_by("submitted_on", "pk"))
