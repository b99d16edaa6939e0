"""The writes of training: booking, cancelling and attendance, which touch several registrations at once, and the
evaluation: sending attendees their personal links and saving their answers.

An attendee answers without an account: the link carries a signed, timestamped token naming their
registration and the form (after the session, or the follow-up three months later). A link expires
TRAINING_EVALUATION_LINK_DAYS after it was sent (30 unless set), and each form is sent once per attendee.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from objectives.models import Agency, EmailKind, ProgressRound
from objectives.notifications import sending
from objectives.services.conflicts import take_next_version

from .models import Evaluation, EvaluationLink, PaperPeriod, Registration, TrainingFigure, TrainingSession
from .selectors import link_days, places_taken

Kind = Evaluation.Kind
SALT = "training.evaluation"
Status = Registration.Status


def _locked(session: TrainingSession) -> TrainingSession:
    # Bookings and cancellations for one session queue on its row, so two people can't both get the last place.
    return TrainingSession.objects.select_for_update(of=("self",)).order_by("pk").get(pk=session.pk)


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
    if registration.cancel_refusal:
        raise ValidationError(registration.cancel_refusal)
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
        for registration in _locked(session).registrations.filter(
            status__in=Registration.TAKES_A_PLACE, pk__in=list(outcomes)
        )
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


# Evaluation links


class EvaluationLinkError(Exception):
    """A link that cannot be used to answer; the message says why in the attendee's words."""


class LinkExpired(EvaluationLinkError):
    pass


class LinkInvalid(EvaluationLinkError):
    pass


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
            with transaction.atomic():
                link = EvaluationLink.objects.create(registration=registration, kind=kind, sent_by=sent_by)
        except IntegrityError:
            result.sent_before += 1
            continue
        # Queued, so a slow mail server holds up neither the page nor the command; an e-mail that fails takes its
        # link row with it, so it is tried again next time.
        sent = sending.queue_recorded(
            record=link, recipient=None, address=registration.email, kind=EmailKind.EVALUATION, message=message
        )
        (result.sent if sent else result.failed).append(registration)
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


# What the committee paper's Training section counts besides bookings


@transaction.atomic
def save_training_figure(*, figure: TrainingFigure, expected_version: int | None) -> TrainingFigure:
    """Save a recorded figure, unless someone saved it since it was loaded."""
    if figure.pk:
        take_next_version(figure, expected_version=expected_version, subject=str)
    figure.full_clean()
    figure.save()
    return figure


@transaction.atomic
def choose_paper_period(*, period: PaperPeriod, expected_version: int | None) -> PaperPeriod:
    """Save where the round's Training section starts, unless someone chose it since the form was loaded."""
    # Two managers choosing a first period at once queue on the round, so the second is refused, not a 500.
    ProgressRound.objects.select_for_update(of=("self",)).filter(pk=period.progress_round_id).order_by("pk").get()
    saved = PaperPeriod.objects.filter(progress_round_id=period.progress_round_id).first()
    if saved is not None:
        period.pk = saved.pk
        take_next_version(period, expected_version=expected_version, subject=lambda _: "the training period")
    period.full_clean()
    period.save()
    return period
