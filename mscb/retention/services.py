"""The writes of retention: saving the periods, the scheduled run of the rules, and erasing a person on request.

Each kind is removed in its own transaction with its log line, so a failure in one kind leaves the others done
and logged, and never a removal without its log line. A kind with nothing to remove writes no log line: the
command runs daily, and a log of empty runs would hide the removals.
"""

from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from core.formats import plural
from mscb.models import RetentionPolicy, RetentionRemoval
from objectives.services.conflicts import take_next_version
from training.erasure import Anonymised, erase_address
from training.models import Registration

from .rules import RULES, Rule, registration_references

Reason = RetentionRemoval.Reason
REQUEST_KIND = "training attendee's personal details"


@dataclass(frozen=True)
class Outcome:
    """What a run did (or, in a dry run, would do) to one kind of record."""

    rule: Rule
    count: int
    references: list[str] = field(default_factory=list)


def due_now(*, policy: RetentionPolicy, today: date) -> list[Outcome]:
    """How many of each kind the next run would remove today, removing nothing: one count query per kind."""
    return [Outcome(rule, rule.due(policy, today).count()) for rule in RULES]


def apply_retention(*, today: date, dry_run: bool = False, done_by: AbstractBaseUser | None = None) -> list[Outcome]:
    """Remove every record past its retention period on `today`, kind by kind, logging each kind removed."""
    policy = RetentionPolicy.current()
    if dry_run:
        return due_now(policy=policy, today=today)
    outcomes = []
    for rule in RULES:
        with transaction.atomic():
            references = rule.apply(rule.due(policy, today))
            if references:
                RetentionRemoval.objects.create(
                    reason=Reason.SCHEDULE,
                    kind=rule.kind,
                    count=len(references),
                    detail="; ".join(references),
                    done_by=done_by,
                )
        outcomes.append(Outcome(rule, len(references), references))
    return outcomes


@transaction.atomic
def save_policy(*, policy: RetentionPolicy, expected_version: int | None) -> RetentionPolicy:
    """Save the periods, unless someone saved them since the form was loaded."""
    take_next_version(policy, expected_version=expected_version, subject=lambda _: "the retention periods")
    policy.full_clean()
    policy.save()
    return policy


@transaction.atomic
def erase_person(*, email: str, done_by: AbstractBaseUser) -> Anonymised:
    """Erase on request (UK GDPR Article 17) everything training holds naming this address, and log it by reference."""
    references = registration_references(Registration.objects.filter(email__iexact=email.strip()).order_by("pk"))
    result = erase_address(email)
    RetentionRemoval.objects.create(
        reason=Reason.REQUEST,
        kind=REQUEST_KIND,
        count=result.count,
        detail=erasure_detail(result, [references[pk] for pk in result.registrations]),
        done_by=done_by,
    )
    return result


def erasure_detail(result: Anonymised, references: list[str]) -> str:
    """The log's words for one erasure: the registrations by reference, then what else was cleaned."""
    cleaned = [
        plural(result.history_rows, "history row"),
        plural(result.evaluations, "evaluation answer"),
        plural(result.emails, "logged e-mail"),
        plural(result.uploads, "register file"),
        plural(result.admin_entries, "admin log entry", "admin log entries"),
    ]
    return "; ".join([*references, "also cleaned: " + ", ".join(cleaned)])
