"""A hand-counted training year for the uptake and report-section tests.

Two courses, three sessions in 2025/26 and one before it, thirteen registrations in the year across
three agencies in every status. The figures each test expects are counted by hand in the comments.

    Neglect (A): A1 10 May 2025, 20 places; A2 3 November 2025, 10 places
    Exploitation (B): B1 31 March 2026 18:00, 15 places
    Before the year: A0 31 March 2025, 12 places (one attended: never counted)

    A1: X att e1, X att e2, Y att e3, Y dna, Z booked, X cancelled
    A2: X att e1 (same person again), Z dna, Y waiting
    B1: Z att e6, Y att E3@ (e3 in capitals: the same person), X dna, Z cancelled

    Course A: 2 sessions, 30 places, booked 7, attended 4, dna 2 (33%), cancelled 1, waiting 1
    Course B: 1 session, 15 places, booked 3, attended 2, dna 1 (33%), cancelled 1, waiting 0
    Agency X: booked 4, attended 3, dna 1, cancelled 1, waiting 0 (200 staff: 1.5 per 100)
    Agency Y: booked 3, attended 2, dna 1, cancelled 0, waiting 1
    Agency Z: booked 3, attended 1, dna 1, cancelled 1, waiting 0
    All: 3 sessions, 45 places, booked 10, attended 6, dna 3, cancelled 2, waiting 1;
         4 practitioners (e1, e2, e3, e6) from 3 agencies attended.
    Evaluations after A1: e1 2→4, e3 3→4 (mean gain +1.5); after B1: e6 1→5.
"""

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from objectives.models import Agency
from tests.factories import AgencyFactory
from tests.training.factories import (
    AgencyWorkforceFactory,
    CourseFactory,
    EvaluationFactory,
    RegistrationFactory,
    TrainingSessionFactory,
)
from training.models import Course, Registration, TrainingSession

LONDON = ZoneInfo("Europe/London")
ATTENDED, DNA, BOOKED = Registration.Status.ATTENDED, Registration.Status.DID_NOT_ATTEND, Registration.Status.BOOKED
CANCELLED, WAITING = Registration.Status.CANCELLED, Registration.Status.WAITING


@dataclass
class World:
    neglect: Course
    exploitation: Course
    sessions: dict[str, TrainingSession]
    agencies: dict[str, Agency]


def _at(year, month, day, hour=10) -> datetime:
    return datetime(year, month, day, hour, tzinfo=LONDON)


def hand_counted_world(agency_x: Agency | None = None) -> World:
    """The year in the module docstring; agency X may be given (say, a contributor's own agency)."""
    agencies = {
        "X": agency_x or AgencyFactory(name="Xavier Police"),
        "Y": AgencyFactory(name="Yewtree Health"),
        "Z": AgencyFactory(name="Zenith Schools"),
    }
    AgencyWorkforceFactory(agency=agencies["X"], staff_count=200)
    neglect = CourseFactory(title="Neglect: recognising and responding")
    exploitation = CourseFactory(title="Child exploitation")
    sessions = {
        "A0": TrainingSessionFactory(
            course=neglect, starts_at=_at(2025, 3, 31), ends_at=_at(2025, 3, 31, 13), places=12
        ),
        "A1": TrainingSessionFactory(
            course=neglect, starts_at=_at(2025, 5, 10), ends_at=_at(2025, 5, 10, 16), places=20
        ),
        "A2": TrainingSessionFactory(
            course=neglect, starts_at=_at(2025, 11, 3), ends_at=_at(2025, 11, 3, 13), places=10
        ),
        "B1": TrainingSessionFactory(
            course=exploitation, starts_at=_at(2026, 3, 31, 18), ends_at=_at(2026, 3, 31, 20), places=15
        ),
    }
    registrations = [
        ("A0", "X", "e9", ATTENDED),
        ("A1", "X", "e1", ATTENDED),
        ("A1", "X", "e2", ATTENDED),
        ("A1", "Y", "e3", ATTENDED),
        ("A1", "Y", "e4", DNA),
        ("A1", "Z", "e5", BOOKED),
        ("A1", "X", "e7", CANCELLED),
        ("A2", "X", "e1", ATTENDED),
        ("A2", "Z", "e8", DNA),
        ("A2", "Y", "e10", WAITING),
        ("B1", "Z", "e6", ATTENDED),
        ("B1", "Y", "E3", ATTENDED),
        ("B1", "X", "e11", DNA),
        ("B1", "Z", "e12", CANCELLED),
    ]
    made = {}
    for session, agency, email, status in registrations:
        made[session, email] = RegistrationFactory(
            session=sessions[session], agency=agencies[agency], email=f"{email}@example.org", status=status
        )
    EvaluationFactory(registration=made["A1", "e1"], confidence_before=2, confidence_after=4)
    EvaluationFactory(registration=made["A1", "e3"], confidence_before=3, confidence_after=4)
    EvaluationFactory(registration=made["B1", "e6"], confidence_before=1, confidence_after=5)
    return World(neglect, exploitation, sessions, agencies)


YEAR = (date(2025, 4, 1), date(2026, 3, 31))
