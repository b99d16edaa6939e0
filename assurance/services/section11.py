"""Section 11 cycles: open one, fill and submit a return, send it back, moderate it, publish the grid, and agree
an improvement action for a standard.

Publishing decision: the grid goes out when every return is moderated; with some not yet moderated the board
manager must say so (`confirm_unmoderated`), and the grid then shows those agencies' self-assessed ratings,
marked as not moderated, so nothing is hidden and nothing passes for agreed.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.formats import in_words
from objectives.models import Action
from objectives.services.conflicts import take_next_version
from objectives.services.sourced_actions import add_sourced_action

from ..models import ImprovementAction, Section11Cycle, Section11Return, StandardAssessment


@dataclass(frozen=True)
class AssessmentInput:
    """What the agency writes for one standard."""

    rating: str
    evidence: str
    improvement_actions: str


@dataclass(frozen=True)
class ModerationInput:
    """What the board writes for one standard."""

    challenge: str
    agreed_rating: str


# Each service refuses first and takes the next version last, as taking it moves the caller's copy on.
def _return_subject(saved: Section11Return) -> str:
    return f"the return of {saved.agency}"


@transaction.atomic
def open_cycle(*, cycle: Section11Cycle, standards, agencies) -> Section11Cycle:
    """Save a new cycle with one return per agency asked and one assessment per standard; all or nothing."""
    standards, agencies = list(standards), list(agencies)
    errors = {}
    if not standards:
        errors["standards"] = "Choose at least one standard to ask about."
    if not agencies:
        errors["agencies"] = "Choose at least one agency to ask."
    if errors:
        raise ValidationError(errors)
    cycle.full_clean()
    cycle.save()
    cycle.standards.set(standards)
    cycle.agencies.set(agencies)
    returns = Section11Return.objects.bulk_create(Section11Return(cycle=cycle, agency=agency) for agency in agencies)
    StandardAssessment.objects.bulk_create(
        StandardAssessment(section11_return=return_, standard=standard) for return_ in returns for standard in standards
    )
    return cycle


@transaction.atomic
def update_cycle(*, cycle: Section11Cycle, expected_version: int | None) -> Section11Cycle:
    """Save the cycle's own details (title, plan, dates), unless someone saved it since it was loaded."""
    take_next_version(cycle, expected_version=expected_version, subject=lambda saved: f"the cycle {saved}")
    cycle.full_clean()
    cycle.save()
    return cycle


def _refuse_unless_draft(section11_return: Section11Return) -> None:
    if section11_return.status != Section11Return.Status.DRAFT:
        raise ValidationError(
            f"The return of {section11_return.agency} has been submitted, so it can no longer be changed. "
            "Ask the board manager to send it back if something needs correcting."
        )


def _refuse_unknown_ratings(cycle: Section11Cycle, ratings, *, blank_allowed: bool) -> None:
    scale = cycle.scale.as_scale()
    unknown = sorted({rating for rating in ratings if (rating or not blank_allowed) and not scale.has(rating)})
    if unknown:
        raise ValidationError(
            f"Choose ratings from the cycle's scale ({scale.allowed}), not {in_words(unknown, 'or')}."
        )


def _assessments(section11_return: Section11Return) -> dict[int, StandardAssessment]:
    # The return's row is the lock: every change to its assessments takes the return's next version.
    rows = section11_return.assessments.select_related("standard")
    return {assessment.standard_id: assessment for assessment in rows}


@transaction.atomic
def save_return(
    *,
    section11_return: Section11Return,
    expected_version: int | None,
    answers: dict[int, AssessmentInput],
) -> Section11Return:
    """Save an agency's ratings, evidence and planned improvements, keyed by standard id, while it is a draft."""
    _refuse_unless_draft(section11_return)
    _refuse_unknown_ratings(section11_return.cycle, (answer.rating for answer in answers.values()), blank_allowed=True)
    take_next_version(section11_return, expected_version=expected_version, subject=_return_subject)
    assessments = _assessments(section11_return)
    for standard_id, answer in answers.items():
        assessment = assessments[standard_id]
        assessment.rating, assessment.evidence = answer.rating, answer.evidence
        assessment.improvement_actions = answer.improvement_actions
        assessment.save(update_fields=["rating", "evidence", "improvement_actions"])
    section11_return.save(update_fields=["version"])
    return section11_return


@transaction.atomic
def submit_return(*, section11_return: Section11Return, user) -> Section11Return:
    """Send the return to the board: every standard must be rated first."""
    _refuse_unless_draft(section11_return)
    unrated = [assessment.standard for assessment in _assessments(section11_return).values() if not assessment.rating]
    if unrated:
        names = in_words(f"{standard.number} ({standard.title})" for standard in sorted(unrated, key=_number))
        raise ValidationError(f"Rate every standard before submitting. Not rated yet: standard {names}.")
    take_next_version(section11_return, expected_version=section11_return.version, subject=_return_subject)
    section11_return.status = Section11Return.Status.SUBMITTED
    section11_return.submitted_on, section11_return.submitted_by = timezone.now(), user
    section11_return.save(update_fields=["status", "submitted_on", "submitted_by", "version"])
    return section11_return


def _number(standard) -> int:
    return standard.number


def _refuse_once_published(cycle: Section11Cycle) -> None:
    if cycle.is_published:
        raise ValidationError(f"The grid of {cycle} is published, so its returns can no longer change.")


@transaction.atomic
def send_back_return(*, section11_return: Section11Return) -> Section11Return:
    """Return a submitted return to its agency for changes; it is a draft again until they submit it."""
    _refuse_once_published(section11_return.cycle)
    if section11_return.status == Section11Return.Status.DRAFT:
        raise ValidationError(f"The return of {section11_return.agency} is not submitted, so it is with them already.")
    take_next_version(section11_return, expected_version=section11_return.version, subject=_return_subject)
    section11_return.status = Section11Return.Status.DRAFT
    section11_return.save(update_fields=["status", "version"])
    return section11_return


@transaction.atomic
def moderate_return(
    *, section11_return: Section11Return, user, expected_version: int | None, answers: dict[int, ModerationInput]
) -> Section11Return:
    """Record the board's challenge and agreed rating for every standard of a submitted return."""
    _refuse_once_published(section11_return.cycle)
    if section11_return.status == Section11Return.Status.DRAFT:
        raise ValidationError(
            f"The return of {section11_return.agency} is not submitted yet, so it cannot be moderated."
        )
    _refuse_unknown_ratings(section11_return.cycle, (a.agreed_rating for a in answers.values()), blank_allowed=False)
    assessments = _assessments(section11_return)
    missing = [a.standard for standard_id, a in assessments.items() if standard_id not in answers]
    if missing:
        names = in_words(str(standard.number) for standard in sorted(missing, key=_number))
        raise ValidationError(f"Agree a rating for every standard. Missing: standard {names}.")
    take_next_version(section11_return, expected_version=expected_version, subject=_return_subject)
    now = timezone.now()
    for standard_id, answer in answers.items():
        assessment = assessments[standard_id]
        assessment.challenge, assessment.agreed_rating = answer.challenge, answer.agreed_rating
        assessment.moderated_by, assessment.moderated_on = user, now
        assessment.save(update_fields=["challenge", "agreed_rating", "moderated_by", "moderated_on"])
    section11_return.status = Section11Return.Status.MODERATED
    section11_return.save(update_fields=["status", "version"])
    return section11_return


def unmoderated_returns(cycle: Section11Cycle) -> list[Section11Return]:
    """The cycle's returns the board has not moderated yet, by agency."""
    return list(cycle.returns.exclude(status=Section11Return.Status.MODERATED).select_related("agency"))


@transaction.atomic
def publish_cycle(*, cycle: Section11Cycle, user, confirm_unmoderated: bool = False) -> Section11Cycle:
    """Publish the grid to everyone; with returns not yet moderated, only when the manager confirms it."""
    if cycle.is_published:
        raise ValidationError(f"The grid of {cycle} is already published.")
    waiting = unmoderated_returns(cycle)
    if waiting and not confirm_unmoderated:
        names = in_words(return_.agency for return_ in waiting)
        raise ValidationError(
            f"Not moderated yet: {names}. Confirm that the grid should go out with their self-assessed ratings."
        )
    take_next_version(cycle, expected_version=cycle.version, subject=lambda saved: f"the cycle {saved}")
    cycle.published_on, cycle.published_by = timezone.localdate(), user
    cycle.save(update_fields=["published_on", "published_by", "version"])
    return cycle


@transaction.atomic
def agree_improvement_action(
    *, assessment: StandardAssessment, text: str, target_on: date | None = None, target_is_month: bool = False
) -> Action:
    """A plan action for the standard, led by the return's agency, reporting in the cycle's plan's rounds."""
    section11_return = assessment.section11_return
    if section11_return.status == Section11Return.Status.DRAFT:
        raise ValidationError("Agree improvement actions once the agency has submitted its return.")
    cycle = section11_return.cycle
    action = add_sourced_action(
        plan=cycle.plan,
        prefix=f"{cycle.code}-{assessment.standard.number}.",
        text=text,
        lead_agencies=[section11_return.agency],
        target_on=target_on,
        target_is_month=target_is_month,
    )
    ImprovementAction.objects.create(assessment=assessment, action=action)
    return action
