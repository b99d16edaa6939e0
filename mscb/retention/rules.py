"""What each retention period removes: one rule per kind of record, each saying which rows are past their time on a
day and how they are removed. The command, the manager's page and the tests all read this one list.

Periods count whole days in London time: with 90 days, a file applied on 1 March is kept to the end of 30 May
and removed from 31 May. Months are calendar months (objectives.dates.add_months, so 31 August less six months is
28 February): a report published on 10 March 2019 and kept 84 months goes from 11 March 2026.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from core.formats import long_date
from core.models import StagedUpload
from mscb.models import PublishedYearlyReport, RetentionPolicy
from objectives.dates import add_months
from objectives.models import PublishedReport
from training.erasure import anonymise_registrations, not_anonymised
from training.models import Registration


@dataclass(frozen=True)
class Rule:
    """One kind of record: `due` gives the rows past their time on a day; `apply` removes them and returns each
    one's reference for the log (ids and titles, never a person's name)."""

    kind: str
    due: Callable[[RetentionPolicy, date], QuerySet]
    apply: Callable[[QuerySet], list[str]]
    removes: str  # what happens to them, for the page: "deleted" or "anonymised"


def start_of(day: date) -> datetime:
    """Midnight at the start of the day, London time: anything earlier is before that day."""
    return timezone.make_aware(datetime.combine(day, time.min))


def days_before(today: date, days: int) -> datetime:
    """The moment before which something is more than `days` whole days old."""
    return start_of(today - timedelta(days=days))


def months_before(today: date, months: int) -> datetime:
    """The moment before which something is more than `months` calendar months old."""
    return start_of(add_months(today, -months))


def _applied_uploads(policy: RetentionPolicy, today: date) -> QuerySet:
    return StagedUpload.objects.filter(applied_at__lt=days_before(today, policy.applied_imports_days))


def _unconfirmed_uploads(policy: RetentionPolicy, today: date) -> QuerySet:
    return StagedUpload.objects.filter(
        applied_at__isnull=True, uploaded_at__lt=days_before(today, policy.staged_imports_days)
    )


def _delete_uploads(uploads: QuerySet) -> list[str]:
    # The kind and id, not the file's name, which may be a person's ("jane-smith-register.csv").
    references = [f"{kind} upload {pk}" for pk, kind in uploads.order_by("pk").values_list("pk", "kind")]
    uploads.delete()
    return references


def _committee_reports(policy: RetentionPolicy, today: date) -> QuerySet:
    return PublishedReport.objects.filter(published_at__lt=months_before(today, policy.published_reports_months))


def _yearly_reports(policy: RetentionPolicy, today: date) -> QuerySet:
    return PublishedYearlyReport.objects.filter(published_at__lt=months_before(today, policy.published_reports_months))


def _delete_reports(reports: QuerySet) -> list[str]:
    references = [f"{title} (id {pk})" for pk, title in reports.order_by("pk").values_list("pk", "title")]
    for report in reports.order_by("pk"):
        # One by one, so each deletion is in the report's history with its title.
        report.delete()
    return references


def _attendees(policy: RetentionPolicy, today: date) -> QuerySet:
    ended_before = months_before(today, policy.attendee_details_months)
    return not_anonymised(Registration.objects.filter(session__ends_at__lt=ended_before))


def registration_references(registrations: QuerySet) -> dict[int, str]:
    """Each registration by id, course and session date: how the log names an attendee without naming them."""
    return {
        pk: f"registration {pk} ({title}, {long_date(starts)})"
        for pk, title, starts in registrations.values_list("pk", "session__course__title", "session__starts_at")
    }


def _anonymise(registrations: QuerySet) -> list[str]:
    references = registration_references(registrations)
    anonymised = anonymise_registrations(registrations)
    return [references[pk] for pk in anonymised.registrations]


RULES = [
    Rule("uploaded files after their import was applied", _applied_uploads, _delete_uploads, "deleted"),
    Rule("uploaded files never confirmed", _unconfirmed_uploads, _delete_uploads, "deleted"),
    Rule("published committee reports", _committee_reports, _delete_reports, "deleted"),
    Rule("published yearly reports", _yearly_reports, _delete_reports, "deleted"),
    Rule("training attendees' personal details", _attendees, _anonymise, "anonymised"),
]
