"""Writing a checked register: attendance marked and walk-ins added, all of it or none."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.models import StagedUpload

from ..models import Registration, TrainingSession
from .register import Entry, Summary, check_register, read_register

Status = Registration.Status


def apply_register(upload: StagedUpload, *, session: TrainingSession) -> Summary:
    """Read, check and import a staged register file, all or nothing: a problem is raised and nothing is saved."""
    rows = read_register(bytes(upload.content), upload.file_name)
    return import_register(session=session, entries=check_register(rows))


@transaction.atomic
def import_register(*, session: TrainingSession, entries: list[Entry]) -> Summary:
    """Mark the registered people's attendance and add the walk-ins; all of it or, on an error, none."""
    if session.starts_at > timezone.now():
        raise ValidationError("The register can be imported once the session has started.")
    session = TrainingSession.objects.select_for_update(of=("self",)).order_by("pk").get(pk=session.pk)
    live = {
        registration.email.casefold(): registration
        for registration in session.registrations.exclude(status=Status.CANCELLED)
    }
    added = marked = unchanged = 0
    for entry in entries:
        registration = live.get(entry.email.casefold())
        if registration is None:
            registration = Registration(
                session=session,
                attendee_name=entry.name,
                email=entry.email,
                agency=entry.agency,
                job_role=entry.job_role,
                status=entry.status,
            )
            registration.full_clean()
            registration.save()
            added += 1
        elif registration.status != entry.status:
            registration.status = entry.status
            registration.save(update_fields=["status", "updated_at"])
            marked += 1
        else:
            unchanged += 1
    return Summary(added, marked, unchanged)
