"""Booking, cancelling and attendance: the writes that touch several registrations at once."""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from objectives.models import Agency

from .models import Registration, TrainingSession

Status = Registration.Status
# A place is taken while booked or once attendance is marked; waiting and cancelled take none.
TAKES_A_PLACE = [Status.BOOKED, Status.ATTENDED, Status.DID_NOT_ATTEND]


def _locked(session: TrainingSession) -> TrainingSession:
    # Bookings and cancellations for one session queue on its row, so two people can't both get the last place.
    return TrainingSession.objects.select_for_update(of=("self",)).order_by("pk").get(pk=session.pk)


def places_taken(session: TrainingSession) -> int:
    """How many registrations hold one of the session's places."""
    return session.registrations.filter(status__in=TAKES_A_PLACE).count()


@transaction.atomic
def book_place(
    *, session: TrainingSession, attendee_name: str, email: str, agency: Agency, job_role: str = ""
) -> Registration:
    """Book a place if one is free, else put the person on the waiting list."""
    session = _locked(session)
    live = session.registrations.exclude(status=Status.CANCELLED)
    if live.filter(email__iexact=email.strip()).exists():
        raise ValidationError({"email": f"{email} is already booked or on the waiting list for this session."})
    status = Status.BOOKED if places_taken(session) < session.places else Status.WAITING
    registration = Registration(
        session=session,
        attendee_name=attendee_name,
        email=email.strip(),
        agency=agency,
        job_role=job_role,
        status=status,
    )
    registration.full_clean()
    registration.save()
    return registration


@transaction.atomic
def cancel_registration(*, registration: Registration) -> Registration | None:
    """Cancel a booking or waiting-list place; a freed place goes to the first waiting, who is returned."""
    _locked(registration.session)
    registration.refresh_from_db()
    if registration.status == Status.CANCELLED:
        raise ValidationError(f"{registration.attendee_name}’s registration is already cancelled.")
    if registration.status in (Status.ATTENDED, Status.DID_NOT_ATTEND):
        raise ValidationError(
            f"{registration.attendee_name}’s attendance is already marked, so the registration cannot be cancelled."
        )
    freed_a_place = registration.status == Status.BOOKED
    registration.status = Status.CANCELLED
    registration.full_clean()
    registration.save(update_fields=["status", "updated_at"])
    if not freed_a_place or places_taken(registration.session) >= registration.session.places:
        return None
    first_waiting = (
        registration.session.registrations.filter(status=Status.WAITING).order_by("registered_at", "pk").first()
    )
    if first_waiting is None:
        return None
    first_waiting.status = Status.BOOKED
    first_waiting.save(update_fields=["status", "updated_at"])
    return first_waiting


@transaction.atomic
def mark_attendance(*, session: TrainingSession, outcomes: Mapping[int, str]) -> int:
    """Record who attended and who did not, by registration id; returns how many were marked."""
    if session.starts_at > timezone.now():
        raise ValidationError("Attendance can be marked once the session has started.")
    allowed = {Status.ATTENDED, Status.DID_NOT_ATTEND}
    registrations = {
        registration.pk: registration
        for registration in _locked(session).registrations.filter(status__in=TAKES_A_PLACE, pk__in=list(outcomes))
    }
    marked = 0
    for pk, outcome in outcomes.items():
        registration = registrations.get(pk)
        if registration is None or outcome not in allowed:
            raise ValidationError("Attendance can only be marked as attended or did not attend for a booked place.")
        if registration.status != outcome:
            registration.status = outcome
            registration.save(update_fields=["status", "updated_at"])
            marked += 1
    return marked
