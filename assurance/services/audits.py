"""The writes of multi-agency case audits: the audit, its questions and cases, each agency's grades, completing it,
and its recommendations with their actions, which are the plan's own.

An audit's recommendations sit under one RecommendationSource made with the first of them ("CA3"), so the
register reads them as it reads an inspection's; their actions are "CA3-2.1" (source, recommendation, action).
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from objectives.models import Agency
from objectives.services.conflicts import conflict_error, take_next_version

from ..models import (
    AssuranceRecommendation,
    AuditCase,
    AuditGrading,
    AuditQuestion,
    CaseAudit,
    RecommendationSource,
)
from .recommendations import add_recommendation

COMPLETED_REFUSAL = "The audit is completed, so its grades can no longer change."


# The audit


@transaction.atomic
def save_audit(*, audit: CaseAudit, agencies: Iterable[Agency], expected_version: int | None) -> CaseAudit:
    """Save a new audit, or an audit unless someone saved it after `expected_version` was loaded."""
    if audit.pk is not None:
        take_next_version(audit, expected_version=expected_version, subject=lambda saved: f"the audit {saved}")
        graded = set(AuditGrading.objects.filter(case__audit=audit).values_list("agency__name", flat=True))
        dropped = sorted(graded - {agency.name for agency in agencies})
        if dropped:
            raise ValidationError(
                {"agencies": f"{', '.join(dropped)} already graded cases, so cannot leave the audit."}
            )
        if graded and CaseAudit.objects.get(pk=audit.pk).scale_id != audit.scale_id:
            raise ValidationError({"scale": "Agencies have graded on this scale already, so it cannot change."})
    audit.full_clean()
    audit.save()
    audit.agencies.set(agencies)
    return audit


@transaction.atomic
def complete_audit(
    *, audit: CaseAudit, findings: str, learning: str, completed_on: date, expected_version: int | None
) -> CaseAudit:
    """Record what the audit found and learned and the day it was completed; grading stops."""
    take_next_version(audit, expected_version=expected_version, subject=lambda saved: f"the audit {saved}")
    if completed_on < audit.held_on:
        raise ValidationError({"completed_on": "The audit cannot be completed before the day it was held."})
    audit.findings, audit.learning, audit.completed_on = findings, learning, completed_on
    audit.status = CaseAudit.Status.COMPLETED
    audit.full_clean()
    audit.save()
    return audit


# Questions and cases


@transaction.atomic
def add_question(*, audit: CaseAudit, text: str) -> AuditQuestion:
    """The audit's next question, numbered after the last."""
    CaseAudit.objects.select_for_update().filter(pk=audit.pk).get()
    highest = audit.questions.aggregate(highest=Max("number"))["highest"] or 0
    question = AuditQuestion(audit=audit, number=highest + 1, text=text)
    question.full_clean()
    question.save()
    return question


def split_case_codes(text: str) -> list[str]:
    """Codes written one a line or separated by commas, in capitals as the board writes them."""
    return [code.strip().upper() for code in re.split(r"[,\n]", text) if code.strip()]


@transaction.atomic
def add_cases(*, audit: CaseAudit, codes: list[str]) -> list[AuditCase]:
    """Add the cases by their codes; nothing is added unless every code is good and new to the audit."""
    CaseAudit.objects.select_for_update().filter(pk=audit.pk).get()
    taken = set(audit.cases.values_list("code", flat=True))
    problems, cases = [], []
    for code in dict.fromkeys(codes):
        case = AuditCase(audit=audit, code=code)
        try:
            case.clean_fields()
        except ValidationError as error:
            problems += [f"“{code}”: {message}" for message in error.messages]
            continue
        if code in taken:
            problems.append(f"Case {code} is already in this audit.")
        cases.append(case)
    if problems:
        raise ValidationError(problems)
    return AuditCase.objects.bulk_create(cases)


# Grading


@dataclass(frozen=True)
class GradeEntry:
    """What one agency wrote for one case and question, and the version of the grading the page showed."""

    case: AuditCase
    question: AuditQuestion
    grade: str
    comment: str
    expected_version: int | None  # None when the page showed no grading yet


def _stale(existing: AuditGrading | None, entry: GradeEntry) -> bool:
    return (existing.version if existing else None) != entry.expected_version


def _changed(existing: AuditGrading | None, entry: GradeEntry) -> bool:
    if existing is None:
        return bool(entry.grade or entry.comment)
    return (existing.grade, existing.comment) != (entry.grade, entry.comment)


def _refuse_stale(existing: dict, entries: list[GradeEntry]) -> None:
    """Refuse the save, naming who saved the first cell that changed since the page was opened."""
    for entry in entries:
        saved = existing.get((entry.case.pk, entry.question.pk))
        if _stale(saved, entry):
            subject = f"{entry.case}, question {entry.question.number}"
            if saved is None:
                raise ValidationError(
                    f"{subject} was cleared after you opened the page, so your grades were not saved."
                )
            raise conflict_error(saved, subject)


@transaction.atomic
def save_gradings(
    *, audit: CaseAudit, agency: Agency, user: AbstractBaseUser, entries: list[GradeEntry]
) -> list[AuditGrading]:
    """Save what `agency` wrote per case and question, refusing the lot if any was saved since the page opened.

    Only gradings the user may edit are touched (their own agencies', or any for the board manager).
    """
    if CaseAudit.objects.select_for_update().get(pk=audit.pk).status == CaseAudit.Status.COMPLETED:
        raise ValidationError(COMPLETED_REFUSAL)
    if not audit.agencies.filter(pk=agency.pk).exists():
        raise ValidationError(f"{agency.name} is not taking part in this audit.")
    if not (user.has_perm("assurance.change_caseaudit") or agency.members.filter(pk=user.pk).exists()):
        raise ValidationError(f"You cannot grade for {agency.name}.")
    editable = AuditGrading.objects.editable_by(user).select_for_update(of=("self",))
    existing = {(row.case_id, row.question_id): row for row in editable.filter(case__audit=audit, agency=agency)}
    _refuse_stale(existing, entries)
    saved = []
    for entry in entries:
        grading = existing.get((entry.case.pk, entry.question.pk))
        if _changed(grading, entry):
            saved.append(_save_grading(grading, entry, agency, user))
    return saved


def _save_grading(existing: AuditGrading | None, entry: GradeEntry, agency: Agency, user) -> AuditGrading:
    grading = existing or AuditGrading(case=entry.case, question=entry.question, agency=agency, version=0)
    grading.grade, grading.comment = entry.grade, entry.comment
    grading.graded_by, grading.graded_on = user, timezone.now()
    grading.version += 1
    grading.full_clean()
    grading.save()
    return grading


# Recommendations and their actions


def next_source_code() -> str:
    """ "CA" and one more than the highest number after it among the sources' codes."""
    pattern = re.compile(r"^CA(\d+)$")
    taken = RecommendationSource.objects.filter(code__startswith="CA").values_list("code", flat=True)
    numbers = [int(match.group(1)) for code in taken if (match := pattern.match(code))]
    return f"CA{max(numbers, default=0) + 1}"


def _source_for(audit: CaseAudit) -> RecommendationSource:
    """The audit's source of recommendations, made with its first one."""
    try:
        return RecommendationSource.objects.select_for_update().get(case_audit=audit)
    except RecommendationSource.DoesNotExist:
        pass
    title = f"Multi-agency case audit: {audit.theme}, {audit.held_on:%B %Y}"[:200]
    if RecommendationSource.objects.filter(title=title).exists():
        title = f"{title[:190]} ({next_source_code()})"
    source = RecommendationSource(
        kind=RecommendationSource.Kind.CASE_AUDIT,
        case_audit=audit,
        plan=audit.plan,
        title=title,
        code=next_source_code(),
        reported_on=audit.completed_on or audit.held_on,
    )
    source.full_clean()
    source.save()
    return source


@transaction.atomic
def add_audit_recommendation(*, audit: CaseAudit, text: str, agencies: Iterable[Agency]) -> AssuranceRecommendation:
    """The audit's next recommendation, awaiting the board's decision; the first makes the audit's source."""
    CaseAudit.objects.select_for_update().filter(pk=audit.pk).get()
    source = _source_for(audit)
    highest = source.recommendations.aggregate(highest=Max("number"))["highest"] or 0
    return add_recommendation(source=source, number=highest + 1, text=text, agencies=agencies)
