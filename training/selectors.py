"""The reads of training: uptake figures for a period, non-attendance charges, evaluation results, and which
sessions' attendees are due an evaluation link.

Uptake is counted in the database with one grouped query per table; the registrations passed in decide whose rows
count (`Registration.objects.visible_to(user)`), so an agency contributor sees only their agencies'.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Avg, Count, Exists, F, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import Lower
from django.utils import timezone

from core import formats
from core.formats import long_date, plural
from objectives.roles import is_agency_scoped

from .models import Course, Evaluation, Registration, TrainingSession

Status = Registration.Status
Kind = Evaluation.Kind
DEFAULT_LINK_DAYS = 30
FOLLOW_UP_AFTER_DAYS = 90
SCORE_FIELDS = ["relevance", "quality", "confidence_before", "confidence_after"]


def places_taken(session: TrainingSession) -> int:
    """How many registrations hold one of the session's places."""
    return session.registrations.filter(status__in=Registration.TAKES_A_PLACE).count()


# Uptake


@dataclass(frozen=True)
class Period:
    starts_on: date
    ends_on: date

    @classmethod
    def financial_year(cls, today: date) -> "Period":
        """The financial year (1 April to 31 March) that today falls in."""
        return cls(*formats.financial_year(today))

    def sessions(self) -> QuerySet[TrainingSession]:
        return TrainingSession.objects.filter(starts_at__date__gte=self.starts_on, starts_at__date__lte=self.ends_on)

    def registrations(self, registrations: QuerySet[Registration]) -> QuerySet[Registration]:
        return registrations.filter(
            session__starts_at__date__gte=self.starts_on, session__starts_at__date__lte=self.ends_on
        )


@dataclass(frozen=True)
class Uptake:
    """One row of figures; sessions and places are None where they do not apply (an agency's row)."""

    label: str
    booked: int = 0
    attended: int = 0
    did_not_attend: int = 0
    cancelled: int = 0
    waiting: int = 0
    sessions_run: int | None = None
    places: int | None = None
    staff_count: int | None = None
    pk: int | None = None

    @property
    def dna_rate(self) -> float | None:
        """Did-not-attend as a share of those who were expected (attended plus did not attend), 0 to 1."""
        expected = self.attended + self.did_not_attend
        return self.did_not_attend / expected if expected else None

    @property
    def attended_per_100_staff(self) -> float | None:
        return 100 * self.attended / self.staff_count if self.staff_count else None

    @property
    def dna_rate_text(self) -> str:
        """The rate as the tables print it: "25%", or "none expected" before anyone was due to attend."""
        return "none expected" if self.dna_rate is None else percentage(self.dna_rate)

    @property
    def per_100_staff_text(self) -> str:
        rate = self.attended_per_100_staff
        return "not recorded" if rate is None else f"{rate:.1f}"


@dataclass(frozen=True)
class Summary:
    starts_on: date
    ends_on: date
    practitioners: int
    agencies: int

    @property
    def sentence(self) -> str:
        """ "From 1 April 2025 to 31 March 2026, 96 practitioners from 14 agencies attended multi-agency training."""
        if not self.practitioners:
            return (
                f"From {long_date(self.starts_on)} to {long_date(self.ends_on)}, nobody attended multi-agency training."
            )
        practitioners = plural(self.practitioners, "practitioner")
        agencies = plural(self.agencies, "agency", "agencies")
        return (
            f"From {long_date(self.starts_on)} to {long_date(self.ends_on)}, {practitioners} from {agencies} "
            "attended multi-agency training."
        )


def percentage(share: float) -> str:
    """A share from 0 to 1 as a whole percentage, or to one decimal place below 10%: "25%", "2.5%"."""
    percent = 100 * share
    return f"{percent:.1f}%" if 0 < percent < 10 else f"{percent:.0f}%"


def _status_counts(prefix: str = "") -> dict:
    def count(statuses):
        return Count(f"{prefix}pk", filter=Q(**{f"{prefix}status__in": statuses}))

    return {
        "booked": count(Registration.TAKES_A_PLACE),
        "attended": count([Status.ATTENDED]),
        "did_not_attend": count([Status.DID_NOT_ATTEND]),
        "cancelled": count([Status.CANCELLED]),
        "waiting": count([Status.WAITING]),
    }


_FIGURES = ["booked", "attended", "did_not_attend", "cancelled", "waiting"]


def _grouped(registrations: QuerySet[Registration], key: str) -> dict:
    """Each group's status counts, keyed by `key`; order_by() drops the default ordering from the GROUP BY."""
    rows = registrations.values(key).annotate(**_status_counts()).order_by()
    return {row[key]: {name: row[name] for name in _FIGURES} for row in rows}


def course_uptake(period: Period, registrations: QuerySet[Registration]) -> list[Uptake]:
    """Per course with a session starting in the period, by title: two queries (one when none started)."""
    sessions = list(
        period.sessions()
        .values("course", "course__title")
        .annotate(sessions_run=Count("pk"), places=Sum("places"))
        .order_by("course__title")
    )
    if not sessions:
        # No session ran, so nobody can have booked one: the committee paper asks this for every report.
        return []
    counts = _grouped(period.registrations(registrations), "session__course")
    return [
        Uptake(
            label=row["course__title"],
            pk=row["course"],
            sessions_run=row["sessions_run"],
            places=row["places"],
            **counts.get(row["course"], {}),
        )
        for row in sessions
    ]


def session_uptake(period: Period, registrations: QuerySet[Registration]) -> list[tuple[TrainingSession, Uptake]]:
    """Per session starting in the period, in date order: two queries."""
    sessions = period.sessions().select_related("course").order_by("starts_at", "pk")
    counts = _grouped(period.registrations(registrations), "session")
    return [
        (
            session,
            Uptake(
                label=str(session), pk=session.pk, sessions_run=1, places=session.places, **counts.get(session.pk, {})
            ),
        )
        for session in sessions
    ]


def agency_uptake(period: Period, registrations: QuerySet[Registration]) -> list[Uptake]:
    """Per agency with a registration in the period, by name, with its workforce where recorded: one query."""
    rows = (
        period.registrations(registrations)
        .values("agency", "agency__name", "agency__training_workforce__staff_count")
        .annotate(**_status_counts())
        .order_by("agency__name")
    )
    return [
        Uptake(
            label=row["agency__name"],
            pk=row["agency"],
            staff_count=row["agency__training_workforce__staff_count"],
            **{name: row[name] for name in _FIGURES},
        )
        for row in rows
    ]


def overall_uptake(period: Period, registrations: QuerySet[Registration]) -> tuple[Uptake, Summary]:
    """The period's totals and who attended (distinct e-mails and agencies): two queries."""
    sessions = period.sessions().aggregate(sessions_run=Count("pk"), places=Sum("places"))
    attended = Q(status=Status.ATTENDED)
    totals = period.registrations(registrations).aggregate(
        **_status_counts(),
        # One person on several courses is one practitioner; e-mail case is not significant.
        practitioners=Count(Lower("email"), filter=attended, distinct=True),
        agencies=Count("agency", filter=attended, distinct=True),
    )
    uptake = Uptake(
        label="All courses",
        sessions_run=sessions["sessions_run"],
        places=sessions["places"] or 0,
        **{name: totals[name] for name in _FIGURES},
    )
    summary = Summary(period.starts_on, period.ends_on, totals["practitioners"], totals["agencies"])
    return uptake, summary


def confidence_gains(*, until: date) -> dict[int, float]:
    """Each course's mean confidence gain up to `until`; courses without answers are left out. One query."""
    return Evaluation.objects.confidence_gain_by_course(until=until)


# Non-attendance charges


def charges_by_agency(registrations, date_from: date, date_to: date) -> list[dict]:
    """Per agency: how many did not attend sessions in the period, and the sum of those courses' charges."""
    # __date compares in UK time, so a session at 00:30 on 1 April counts in April.
    missed = registrations.filter(
        status=Registration.Status.DID_NOT_ATTEND,
        session__starts_at__date__gte=date_from,
        session__starts_at__date__lte=date_to,
    )
    return list(
        missed.values("agency__name")
        .annotate(did_not_attend=Count("pk"), charge=Sum("session__course__non_attendance_charge"))
        .order_by("agency__name")
    )


# Evaluation links and results


def link_days() -> int:
    """How many days a link works after it was sent."""
    return getattr(settings, "TRAINING_EVALUATION_LINK_DAYS", DEFAULT_LINK_DAYS)


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

    @property
    def follow_up_sentence(self) -> str:
        """ "8 attendees were sent the follow-up form; 5 have answered." """
        sent, answered = self.follow_up_sent, self.follow_up["answered"]
        if not sent:
            return "No attendee has been sent the follow-up form yet."
        were = "was" if sent == 1 else "were"
        if not answered:
            replies = "nobody has answered yet"
        else:
            replies = f"{answered} {'has' if answered == 1 else 'have'} answered"
        return f"{plural(sent, 'attendee')} {were} sent the follow-up form; {replies}."


def _aggregated_by(queryset, key: str | None, **aggregations) -> dict:
    """`aggregate()` for the whole queryset (under None), or one row per value of `key`, in one query."""
    if key is None:
        return {None: queryset.aggregate(**aggregations)}
    rows = queryset.order_by().values(key).annotate(**aggregations)
    return {row.pop(key): row for row in rows}


def _empty(aggregations: dict) -> dict:
    """What aggregate() gives over no rows: nothing counted, no mean."""
    return {name: 0 if isinstance(value, Count) else None for name, value in aggregations.items()}


def evaluation_results_by(evaluations, registrations, *, key: str | None) -> dict:
    """`evaluation_results` for each value of `key`, a path from a registration such as "session__course" (None
    for all together), in three queries however many values there are; a value with no row is absent."""
    counts = _aggregated_by(
        registrations,
        key,
        attended=Count("pk", filter=Q(status=Registration.Status.ATTENDED), distinct=True),
        # An answer means the form reached them, even with no link on record (sent on paper, or before links
        # were recorded): counted as sent, so "8 of 0" cannot happen.
        follow_up_sent=Count(
            "pk",
            filter=Q(evaluation_links__kind=Kind.FOLLOW_UP) | Q(evaluations__kind=Kind.FOLLOW_UP),
            distinct=True,
        ),
    )
    buckets = {
        f"{name}_{score}": Count("pk", filter=Q(**{name: score})) for name in SCORE_FIELDS for score in range(1, 6)
    }
    after_aggregations = {
        "answered": Count("pk"),
        **{f"mean_{name}": Avg(name) for name in SCORE_FIELDS},
        "mean_gain": Avg(F("confidence_after") - F("confidence_before")),
        **buckets,
    }
    follow_up_aggregations = {
        "answered": Count("pk"),
        **{choice: Count("pk", filter=Q(practice_changed=choice)) for choice in Evaluation.PracticeChanged.values},
    }
    evaluation_key = key and f"registration__{key}"
    after = _aggregated_by(evaluations.filter(kind=Kind.AFTER_SESSION), evaluation_key, **after_aggregations)
    follow_up = _aggregated_by(evaluations.filter(kind=Kind.FOLLOW_UP), evaluation_key, **follow_up_aggregations)
    results = {}
    for value, count in counts.items():
        after_row = after.get(value) or _empty(after_aggregations)
        distributions = [(name, [after_row.pop(f"{name}_{score}") for score in range(1, 6)]) for name in SCORE_FIELDS]
        follow_up_row = follow_up.get(value) or _empty(follow_up_aggregations)
        results[value] = Results(count["attended"], after_row, distributions, follow_up_row, count["follow_up_sent"])
    return results


def evaluation_results(evaluations, registrations) -> Results:
    """Response rate, mean scores and gain, score distributions and follow-up counts, in three queries."""
    return evaluation_results_by(evaluations, registrations, key=None)[None]


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
