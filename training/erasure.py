"""A training attendee's personal data: what is held about an e-mail address (UK GDPR Article 15), and anonymising
it (Article 17, and the retention period's scheduled run, which calls the same `anonymise_registrations`).

Anonymising keeps every registration, its session, agency, status and evaluation scores, so uptake, attendance
and non-attendance figures never change; it replaces the name and address everywhere they were written:

- the registrations and their history rows (simple_history), and the admin's log entries naming them;
- the evaluations' free text and its history rows, where the attendee wrote their own name or address;
- e-mails logged to the address for someone without an account (objectives' EmailLog): the row stays, so the
  log still counts what was sent, but its address, subject, body and error are replaced or emptied;
- training register files (core's StagedUpload) that name the attendee: the whole file is deleted, as a
  register names everyone on it and cannot be edited without re-reading the spreadsheet.

One person's registrations share one placeholder address, so "practitioners who attended" (distinct
addresses) counts them once as before. The placeholder ends in .invalid, a domain that never receives mail.
"""

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import QuerySet
from django.db.models.functions import Lower
from django.utils import timezone

from core.models import StagedUpload
from objectives.importing.readers import FileProblem
from objectives.models import EmailLog

from .importing.register import read_register
from .models import Evaluation, Registration
from .views.imports import UPLOAD_KIND as REGISTER_UPLOAD_KIND

ERASED_NAME = "Erased attendee"
ERASED_DOMAIN = "erased.invalid"
ERASED_TEXT = "[erased]"
ERASED_SUBJECT = "Erased"
FREE_TEXT = ("will_do_differently", "example")


def placeholder_address(registration_pk: int) -> str:
    """An address that passes the e-mail field's check, names nobody, and is unique to one erased person."""
    return f"erased-{registration_pk}@{ERASED_DOMAIN}"


def not_anonymised(registrations: QuerySet[Registration]) -> QuerySet[Registration]:
    return registrations.exclude(email__iendswith=f"@{ERASED_DOMAIN}")


def registrations_of(email: str) -> QuerySet[Registration]:
    """Every registration made with this address, whatever its case, oldest session first: three queries."""
    return (
        Registration.objects.filter(email__iexact=email.strip())
        .select_related("session__course", "agency")
        .prefetch_related("evaluations", "evaluation_links")
        .order_by("session__starts_at", "pk")
    )


def emails_to(email: str) -> QuerySet[EmailLog]:
    """E-mails logged to this address for someone without an account (an attendee, not a user of the site)."""
    return EmailLog.objects.filter(address__iexact=email.strip(), recipient__isnull=True)


@dataclass
class Anonymised:
    """How many rows anonymising changed, per kind, and which registrations (by id) for the removal log."""

    registrations: list[int]
    history_rows: int = 0
    evaluations: int = 0
    emails: int = 0
    uploads: int = 0
    admin_entries: int = 0

    @property
    def count(self) -> int:
        return len(self.registrations)


@transaction.atomic
def anonymise_registrations(registrations: QuerySet[Registration]) -> Anonymised:
    """Replace the attendees' names, addresses and job roles on these registrations and everywhere they were copied."""
    people = _people(not_anonymised(registrations).values_list("pk", "email", "attendee_name"))
    result = Anonymised(registrations=sorted(pk for person in people for pk in person.pks))
    history = Registration.history.model.objects
    for person in people:
        erased = {"attendee_name": ERASED_NAME, "email": person.placeholder, "job_role": ""}
        Registration.objects.filter(pk__in=person.pks).update(**erased, updated_at=timezone.now())
        result.history_rows += history.filter(id__in=person.pks).update(**erased)
        result.evaluations += _redact_free_text(Evaluation.objects.filter(registration__in=person.pks), person)
        result.history_rows += _redact_free_text(_evaluation_versions(person.pks), person)
    gone = _addresses_no_longer_held(people)
    result.emails = _erase_emails([person for person in people if person.address in gone])
    result.uploads = _delete_registers_naming(people)
    result.admin_entries = _admin_entries({str(pk) for pk in result.registrations}).update(object_repr=ERASED_NAME)
    return result


def _admin_entries(registration_pks: set[str]) -> QuerySet[LogEntry]:
    """The admin's log entries about these registrations, whose description names the attendee."""
    content_type = ContentType.objects.get_for_model(Registration)
    return LogEntry.objects.filter(content_type=content_type, object_id__in=registration_pks)


@dataclass
class _Person:
    address: str  # casefolded
    names: set[str]
    pks: list[int]

    @property
    def placeholder(self) -> str:
        return placeholder_address(min(self.pks))

    @property
    def words(self) -> list[str]:
        """What names them, longest first; a name shorter than three letters would match inside other words."""
        words = {word.strip() for word in (self.address, *self.names)}
        return sorted((word for word in words if len(word) >= 3), key=len, reverse=True)

    def redact(self, text: str) -> str:
        """The text with this person's address and names taken out, whatever their case."""
        for word in self.words:
            text = re.sub(re.escape(word), ERASED_TEXT, text, flags=re.IGNORECASE)
        return text

    def is_named_in(self, casefolded_text: str) -> bool:
        return any(word.casefold() in casefolded_text for word in self.words)


def _people(rows: Iterable[tuple[int, str, str]]) -> list[_Person]:
    """The registrations grouped by address, case ignored: one person each."""
    grouped: dict[str, _Person] = {}
    for pk, email, name in rows:
        address = email.strip().casefold()
        person = grouped.setdefault(address, _Person(address=address, names=set(), pks=[]))
        person.names.add(name)
        person.pks.append(pk)
    return list(grouped.values())


def _evaluation_versions(registration_pks: Iterable[int]) -> QuerySet:
    """Every version of these registrations' evaluations in their history, deleted ones included."""
    return Evaluation.history.model.objects.filter(registration_id__in=registration_pks)


def _redact_free_text(evaluations: QuerySet, person: _Person) -> int:
    """Take the person out of the evaluations' free text; returns how many rows changed.

    QuerySet.update, so erasing writes no new history row: a version of the text as it was would name them again.
    """
    changed = 0
    for evaluation in evaluations.only("pk", *FREE_TEXT):
        texts = {name: person.redact(getattr(evaluation, name)) for name in FREE_TEXT}
        if any(texts[name] != getattr(evaluation, name) for name in FREE_TEXT):
            evaluations.filter(pk=evaluation.pk).update(**texts)
            changed += 1
    return changed


def _addresses_no_longer_held(people: list[_Person]) -> set[str]:
    """The addresses no registration still holds: e-mails to an address are kept while a registration needs it."""
    addresses = {person.address for person in people}
    still_held = set(
        Registration.objects.annotate(address=Lower("email"))
        .filter(address__in=addresses)
        .values_list("address", flat=True)
    )
    return addresses - still_held


def _erase_emails(people: list[_Person]) -> int:
    erased = 0
    for person in people:
        erased += (
            EmailLog.objects.annotate(lower_address=Lower("address"))
            .filter(lower_address=person.address, recipient__isnull=True)
            .update(address=person.placeholder, subject=ERASED_SUBJECT, body="", error="")
        )
    return erased


def _delete_registers_naming(people: list[_Person]) -> int:
    """Delete the register files that name any of these people; returns how many."""
    if not people:
        return 0
    naming = []
    for upload in StagedUpload.objects.filter(kind=REGISTER_UPLOAD_KIND).only("pk", "file_name", "content"):
        text = _register_text(upload)
        if any(person.is_named_in(text) for person in people):
            naming.append(upload.pk)
    StagedUpload.objects.filter(pk__in=naming).delete()
    return len(naming)


def _register_text(upload: StagedUpload) -> str:
    """Every cell of a register file as one casefolded text; the raw bytes where the file cannot be read."""
    content = bytes(upload.content)
    try:
        rows = read_register(content, upload.file_name)
    except (FileProblem, ValueError):
        return content.decode("utf-8", errors="replace").casefold()
    return "\n".join(str(cell) for row in rows for cell in row.cells if cell is not None).casefold()


# Article 15: a copy of what is held


def records_of(email: str) -> dict:
    """Everything training holds about this address, as plain data for the person's copy."""
    return {
        "email_address": email.strip(),
        "produced_at": timezone.localtime().isoformat(timespec="seconds"),
        "training_registrations": [_registration_record(registration) for registration in registrations_of(email)],
        "emails_sent": [
            {"sent_at": _when(log.sent_at or log.created_at), "subject": log.subject, "body": log.body}
            for log in emails_to(email).order_by("created_at", "pk")
        ],
    }


def records_json(email: str) -> bytes:
    return json.dumps(records_of(email), indent=2, ensure_ascii=False).encode("utf-8")


def _registration_record(registration: Registration) -> dict:
    session = registration.session
    return {
        "name": registration.attendee_name,
        "email": registration.email,
        "job_role": registration.job_role,
        "agency": registration.agency.name,
        "course": session.course.title,
        "session_starts": _when(session.starts_at),
        "session_ends": _when(session.ends_at),
        "venue": "Online" if session.is_online else session.venue,
        "status": registration.get_status_display(),
        "registered_at": _when(registration.registered_at),
        "evaluation_links_sent": [
            {"form": link.get_kind_display(), "sent_at": _when(link.sent_at)}
            for link in registration.evaluation_links.all()
        ],
        "evaluations": [_evaluation_record(evaluation) for evaluation in registration.evaluations.all()],
    }


def _evaluation_record(evaluation: Evaluation) -> dict:
    return {
        "form": evaluation.get_kind_display(),
        "submitted_at": _when(evaluation.submitted_at),
        "relevance": evaluation.relevance,
        "quality": evaluation.quality,
        "confidence_before": evaluation.confidence_before,
        "confidence_after": evaluation.confidence_after,
        "what_I_will_do_differently": evaluation.will_do_differently,
        "practice_changed": evaluation.get_practice_changed_display(),
        "an_example": evaluation.example,
    }


def _when(moment) -> str | None:
    return timezone.localtime(moment).isoformat(timespec="minutes") if moment else None


@transaction.atomic
def erase_address(email: str) -> Anonymised:
    """Erase on request: every registration made with this address, and any e-mail logged to it."""
    result = anonymise_registrations(Registration.objects.filter(email__iexact=email.strip()))
    # History rows and admin log entries of registrations since deleted, which no registration leads to any more.
    orphans = Registration.history.model.objects.filter(email__iexact=email.strip())
    deleted_pks = {str(pk) for pk in orphans.values_list("id", flat=True)}
    for person in _people(orphans.values_list("id", "email", "attendee_name")):
        result.history_rows += _redact_free_text(_evaluation_versions(person.pks), person)
    result.history_rows += orphans.update(
        attendee_name=ERASED_NAME, email=f"erased-history@{ERASED_DOMAIN}", job_role=""
    )
    result.admin_entries += _admin_entries(deleted_pks).update(object_repr=ERASED_NAME)
    # E-mails to an address that no registration holds (already anonymised, or never booked).
    result.emails += emails_to(email).update(
        address=f"erased-email@{ERASED_DOMAIN}", subject=ERASED_SUBJECT, body="", error=""
    )
    return result
