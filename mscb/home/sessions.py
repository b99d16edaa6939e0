"""The training administrator's next sessions and waiting lists, read in one query."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from training.models import Registration, TrainingSession

from .lists import Listing


@dataclass
class TrainingLists:
    next_sessions: Listing
    waiting_lists: Listing


def upcoming_sessions() -> TrainingLists:
    """Sessions yet to start, the soonest first, with places taken and the waiting list counted: one query."""
    sessions = (
        TrainingSession.objects.filter(starts_at__gt=timezone.now())
        .select_related("course")
        .annotate(
            taken=Count("registrations", filter=Q(registrations__status__in=Registration.TAKES_A_PLACE)),
            waiting=Count("registrations", filter=Q(registrations__status=Registration.Status.WAITING)),
        )
        .order_by("starts_at", "pk")
    )
    found = list(sessions)
    return TrainingLists(Listing(found), Listing([session for session in found if session.waiting]))
