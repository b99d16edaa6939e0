"""Evaluation of training: the attendees' personal signed links, sending them, saving answers, the results.

An attendee answers without an account: the link carries a signed, timestamped token naming their
registration and the form (after the session, or the follow-up three months later). A link expires
TRAINING_EVALUATION_LINK_DAYS after it was sent (30 unless set), and each form is sent once per attendee.
"""

import logging
import smtplib
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, Exists, F, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from objectives.roles import is_agency_scoped

from .models import Course, Evaluation, EvaluationLink, Registration, TrainingSession

logger = logging.getLogger(__name__)

Kind = Evaluation.Kind
SALT = "training.evaluation"
DEFAULT_LINK_DAYS = 30
FOLLOW_UP_AFTER_DAYS = 90
SCORE_FIELDS = ["relevance", "quality", "confidence_before", "confidence_after"]


class EvaluationLinkError(Exception):
    """A link that cannot be used to answer; the message says why in the attendee's words."""


class LinkExpired(EvaluationLinkError):
    pass


class LinkInvalid(EvaluationLinkError):
    pass


def link_days() -> int:
    """How many days a link works after it was sent."""
    return getattr(settings, "TRAINING_EVALUATION_LINK_DAYS", DEFAULT_LINK_DAYS)


def make_token(registration: Registration, kind: str) -> str:
    """The signed token for one attendee's form of this kind."""
    return signing.TimestampSigner(salt=SALT).sign_object({"registration": registration.pk, "kind": kind})


def read_token(token: str, max_age: timedelta | int | None = None) -> tuple[int, str]:
    """The registration's pk and form kind a token names; raises LinkExpired or LinkInvalid."""
    if max_age is None:
        max_age = timedelta(days=link_days())
    try:
        payload = signing.TimestampSigner(salt=SALT).unsign_object(token, max_age=max_age)
    except signing.SignatureExpired:
        raise LinkExpired("This link has expired.") from None
    except (signing.BadSignature, ValueError):
        raise LinkInvalid("This link is not one we sent, or it was not copied in full.") from None
    registration_pk = payload.get("registration") if isinstance(payload, dict) else None
    kind = payload.get("kind") if isinstance(payload, dict) else None
    if not isinstance(registration_pk, int) or kind not in Kind.values:
        raise LinkInvalid("This link is not one we sent, or it was not copied in full.")
    return registration_pk, kind


def record_evaluation(*, registration: Registration, kind: str, answers: dict) -> Evaluation | None:
    """Save an attendee's answers to one form; None if they had already answered it."""
    evaluation = Evaluation(registration=registration, kind=kind, **answers)
    evaluation.full_clean(validate_unique=False, validate_constraints=False)
    try:
        # The unique constraint, not a look-up first, decides between two submissions at once.
        with transaction.atomic():
            evaluation.save()
    except IntegrityError:
        return None
    return evaluation


# Sending


@dataclass
class SendResult:
    sent: list[Registration] = field(default_factory=list)
    sent_before: int = 0
    failed: list[Registration] = field(default_factory=list)


def send_links(
    *, session: TrainingSession, kind: str, base_url: str, sent_by: AbstractBaseUser | None = None
) -> SendResult:
    """E-mail each attendee of a session their personal link to a form, once each: never the same form twice."""
    result = SendResult()
    attendees = (
        session.registrations.filter(status=Registration.Status.ATTENDED)
        .select_related("session__course")
        .annotate(
            was_sent=Exists(EvaluationLink.objects.filter(registration=OuterRef("pk"), kind=kind)),
        )
    )
    for registration in attendees:
        if registration.was_sent:
            result.sent_before += 1
            continue
        message = _message(registration, kind=kind, base_url=base_url)
        try:
            # The link row and the e-mail stand or fall together, so a failed e-mail is tried again next time.
            with transaction.atomic():
                EvaluationLink.objects.create(registration=registration, kind=kind, sent_by=sent_by)
                message.send()
        except IntegrityError:
            result.sent_before += 1
        except (smtplib.SMTPException, OSError):
            logger.exception("Could not send the %s evaluation link to %s", kind, registration.email)
            result.failed.append(registration)
        else:
            result.sent.append(registration)
    return result


def _message(registration: Registration, *, kind: str, base_url: str) -> EmailMessage:
    token = make_token(registration, kind)
    context = {
        "registration": registration,
        "session": registration.session,
        "course": registration.session.course,
        "kind": kind,
        "link": base_url.rstrip("/") + reverse("training:evaluation_form", args=[token]),
        "expires_on": timezone.localdate() + timedelta(days=link_days()),
        "board_name": settings.BOARD_NAME,
    }
    subject = " ".join(render_to_string("training/email/evaluation_subject.txt", context).split())
    body = render_to_string("training/email/evaluation.txt", context).strip() + "\n"
    return EmailMessage(subject, body, to=[registration.email])


def sessions_due(*, kind: str, today: date) -> list[TrainingSession]:
    """Sessions with attendees still to be sent this form: after-session links from the day after the
    session, follow-ups from 90 days after it, each while a link sent then would still be worth sending."""
    delay = 1 if kind == Kind.AFTER_SESSION else FOLLOW_UP_AFTER_DAYS
    # The window stops a first run, or demo data, e-mailing everyone who ever attended.
    latest = _start_of(today - timedelta(days=delay - 1))
    earliest = _start_of(today - timedelta(days=delay + link_days()))
    unsent = Registration.objects.filter(session=OuterRef("pk"), status=Registration.Status.ATTENDED).exclude(
        evaluation_links__kind=kind
    )
    return list(
        TrainingSession.objects.filter(ends_at__lt=latest, ends_at__gte=earliest)
        .filter(Exists(unsent))
        .select_related("course")
    )


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


# Results


def can_read_answers(user: AbstractBaseUser) -> bool:
    """Free-text answers may name people, so agency contributors see the figures only."""
    return user.has_perm("training.change_trainingsession") or not is_agency_scoped(user)


@dataclass
class Results:
    attended: int
    after_session: dict
    distributions: list[tuple[str, list[int]]]
    follow_up: dict
    follow_up_sent: int

    @property
    def response_percent(self) -> int | None:
        return round(100 * self.after_session["answered"] / self.attended) if self.attended else None


def evaluation_results(evaluations, registrations) -> Results:
    """Response rate, mean scores and gain, score distributions and follow-up counts, in three queries."""
    counts = registrations.aggregate(
        attended=Count("pk", filter=Q(status=Registration.Status.ATTENDED), distinct=True),
        follow_up_sent=Count("evaluation_links", filter=Q(evaluation_links__kind=Kind.FOLLOW_UP)),
    )
    buckets = {
        f"{name}_{score}": Count("pk", filter=Q(**{name: score})) for name in SCORE_FIELDS for score in range(1, 6)
    }
    after = evaluations.filter(kind=Kind.AFTER_SESSION).aggregate(
        answered=Count("pk"),
        **{f"mean_{name}": Avg(name) for name in SCORE_FIELDS},
        mean_gain=Avg(F("confidence_after") - F("confidence_before")),
        **buckets,
    )
    distributions = [(name, [after.pop(f"{name}_{score}") for score in range(1, 6)]) for name in SCORE_FIELDS]
    follow_up = evaluations.filter(kind=Kind.FOLLOW_UP).aggregate(
        answered=Count("pk"),
        **{choice: Count("pk", filter=Q(practice_changed=choice)) for choice in Evaluation.PracticeChanged.values},
    )
    return Results(counts["attended"], after, distributions, follow_up, counts["follow_up_sent"])


def _scope(session: TrainingSession | None, course: Course | None) -> dict:
    return {"session": session} if session is not None else {"session__course": course}


def results_for(*, session: TrainingSession | None = None, course: Course | None = None) -> Results:
    """The evaluation results of one session, or of every session of a course."""
    lookup = _scope(session, course)
    return evaluation_results(
        Evaluation.objects.filter(**{f"registration__{key}": value for key, value in lookup.items()}),
        Registration.objects.filter(**lookup),
    )


def written_answers_for(*, session: TrainingSession | None = None, course: Course | None = None) -> list[Evaluation]:
    """The answers with something written in them, oldest session first, in one query."""
    lookup = {f"registration__{key}": value for key, value in _scope(session, course).items()}
    return list(
        Evaluation.objects.filter(**lookup)
        .exclude(will_do_differently="", example="")
        .select_related("registration__session")
        .order_by("registration__session__starts_at", "kind", "pk")
    )


def course_confidence_gain(course: Course, *, until: date | None = None) -> float | None:
    """Mean (confidence after − before) over after-session answers for sessions ending on or before `until`."""
    return Evaluation.objects.confidence_gain_by_course(until=until).get(course.pk)
