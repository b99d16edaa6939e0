"""The demo's multi-agency training year: five invented courses, their sessions around today, who booked and came.

Every name is made up from the lists below and every address is @<agency>.example.org. Everything is worked out
from each row's position, with no random numbers, so every run builds the same year and finds it already there.
Session dates are the story's (2025/26), moved by the demo's calendar: those before today have run.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from objectives.models import Agency
from training.models import AgencyWorkforce, Course, Evaluation, Registration, TrainingSession

from .times import LONDON

FIRST_NAMES = [
    "Amira",
    "Ben",
    "Carys",
    "Dev",
    "Elin",
    "Farid",
    "Grace",
    "Hamza",
    "Isla",
    "Jonah",
    "Keira",
    "Luca",
    "Maya",
    "Nico",
    "Orla",
    "Priya",
    "Quinn",
    "Rosa",
    "Sami",
    "Tegan",
    "Umar",
    "Vera",
    "Wes",
    "Yara",
]
LAST_NAMES = [
    "Ashdown",
    "Brackley",
    "Colverd",
    "Denholm",
    "Elstow",
    "Farrant",
    "Gosling",
    "Hartwell",
    "Ilsley",
    "Jessop",
    "Kettle",
    "Lumsden",
    "Marchbank",
    "Nettleton",
    "Oakshott",
    "Pennock",
    "Rudge",
]
ROLES = [
    "Social worker",
    "Health visitor",
    "Designated safeguarding lead",
    "Police constable",
    "Family support worker",
    "Team manager",
    "School nurse",
    "Youth worker",
]
VENUES = ["Eastmere Civic Centre, Committee Room 2", "Eastmere Fire Station training suite", "Marshgate Library"]
WORKFORCE = {"Police": 420, "Children's Services": 380, "Schools": 950, "Community Health": 260, "Youth Justice": 45}

COURSES = [
    {
        "title": "Domestic abuse and safeguarding children",
        "description": "A full day on the effect of domestic abuse on children, risk assessment and MARAC referrals.",
        "level": Course.Level.INTERMEDIATE,
        "duration_hours": Decimal("6.5"),
        "non_attendance_charge": Decimal("75.00"),
        "trainer": "Joanna Pellow",
        "dates": [(2025, 4, 24), (2025, 6, 19), (2025, 9, 18), (2025, 11, 20), (2026, 1, 22), (2026, 3, 19)],
    },
    {
        "title": "Neglect: recognising and responding",
        "description": "Using the graded care profile to recognise neglect early and to act on it together.",
        "level": Course.Level.FOUNDATION,
        "duration_hours": Decimal("3.0"),
        "non_attendance_charge": Decimal("40.00"),
        "trainer": "Marcus Fenwick",
        "dates": [(2025, 5, 13), (2025, 7, 8), (2025, 10, 14), (2026, 1, 13), (2026, 3, 10)],
    },
    {
        "title": "Child exploitation",
        "description": "Criminal and sexual exploitation, county lines and the contextual safeguarding approach.",
        "level": Course.Level.INTERMEDIATE,
        "duration_hours": Decimal("3.5"),
        "non_attendance_charge": Decimal("50.00"),
        "trainer": "Priya Odell",
        "dates": [(2025, 5, 29), (2025, 9, 25), (2025, 12, 4), (2026, 2, 26)],
    },
    {
        "title": "Working Together for managers",
        "description": "Managers' duties under Working Together to Safeguard Children, escalation and supervision.",
        "level": Course.Level.ADVANCED,
        "duration_hours": Decimal("3.0"),
        "non_attendance_charge": Decimal("60.00"),
        "trainer": "Helena Strood",
        "dates": [(2025, 6, 10), (2025, 10, 7), (2026, 2, 3), (2026, 3, 24)],
    },
    {
        "title": "Safer recruitment",
        "description": "Recruiting staff and volunteers safely: checks, references and interview questions.",
        "level": Course.Level.FOUNDATION,
        "duration_hours": Decimal("2.5"),
        "non_attendance_charge": Decimal("30.00"),
        "trainer": "Owen Tregarth",
        "dates": [(2025, 7, 15), (2025, 11, 11), (2026, 2, 10), (2026, 3, 31)],
    },
]


def load_training(loader, agencies: dict[str, Agency], today: date) -> None:
    """Create whichever demo courses, sessions, registrations, evaluations and workforce figures are missing."""
    for short_name, staff_count in WORKFORCE.items():
        fields = {"staff_count": staff_count, "recorded_on": loader.calendar.year_day(date(2025, 4, 1))}
        loader.ensure(AgencyWorkforce, {"agency": agencies[short_name]}, fields)
    agency_list = [agencies[short_name] for short_name in sorted(agencies)]
    person = 0
    for course_number, spec in enumerate(COURSES):
        fields = {key: spec[key] for key in ("description", "level", "duration_hours", "non_attendance_charge")}
        course, _ = loader.ensure(Course, {"title": spec["title"]}, fields)
        for session_number, (year, month, day) in enumerate(spec["dates"]):
            day = loader.calendar.day(date(year, month, day))
            session = _session(loader, course, spec, course_number, session_number, day)
            has_run = session.ends_at.date() < today
            # Between 12 and 27 bookings; a few more than places on some, so the waiting list shows.
            for place in range(12 + (course_number * 7 + session_number * 5) % 16):
                person += 1
                agency = agency_list[(person * 7) % len(agency_list)]
                status = _status(place, session.places, has_run, person)
                registration = _registration(loader, session, agency, person, status)
                # The saved status, not today's: a re-run on a later day must not evaluate a booking.
                if registration.status == Registration.Status.ATTENDED and person % 3:
                    _evaluations(loader, registration, person)


def _session(loader, course, spec, course_number, session_number, day) -> TrainingSession:
    online = (course_number + session_number) % 3 == 0
    starts = datetime.combine(day, time(9, 30) if spec["duration_hours"] > 4 else time(13, 30), tzinfo=LONDON)
    fields = {
        "ends_at": starts + timedelta(hours=float(spec["duration_hours"])),
        "venue": "" if online else VENUES[(course_number + session_number) % len(VENUES)],
        "is_online": online,
        "trainer": spec["trainer"],
        "places": 16 + (course_number * 5 + session_number * 3) % 15,
    }
    session, _ = loader.ensure(TrainingSession, {"course": course, "starts_at": starts}, fields)
    return session


def _status(place: int, places: int, has_run: bool, person: int) -> str:
    """Most who booked came; about one in eight did not, one in eleven cancelled; those past the places wait."""
    if place >= places:
        return Registration.Status.WAITING
    if person % 11 == 0:
        return Registration.Status.CANCELLED
    if not has_run:
        return Registration.Status.BOOKED
    return Registration.Status.DID_NOT_ATTEND if person % 8 == 0 else Registration.Status.ATTENDED


def _registration(loader, session, agency, person, status) -> Registration:
    first = FIRST_NAMES[person % len(FIRST_NAMES)]
    last = LAST_NAMES[(person * 5) % len(LAST_NAMES)]
    domain = "".join(character for character in agency.short_name.lower() if character.isalnum())
    email = f"{first.lower()}.{last.lower()}{person}@{domain}.example.org"
    fields = {
        "attendee_name": f"{first} {last}",
        "agency": agency,
        "job_role": ROLES[person % len(ROLES)],
        "status": status,
    }
    registration, _ = loader.ensure(Registration, {"session": session, "email": email}, fields)
    return registration


def _evaluations(loader, registration, person) -> None:
    """An after-session form showing a gain in confidence; every fourth attendee also answers the follow-up."""
    before = 1 + person % 3
    fields = {
        "relevance": 4 + person % 2,
        "quality": 3 + person % 3,
        "confidence_before": before,
        "confidence_after": min(before + 1 + person % 2, 5),
        "will_do_differently": "Share concerns with the other agencies earlier and record the reasons.",
    }
    loader.ensure(Evaluation, {"registration": registration, "kind": Evaluation.Kind.AFTER_SESSION}, fields)
    if person % 4 == 0:
        answer = [Evaluation.PracticeChanged.YES, Evaluation.PracticeChanged.PARTLY][person % 2]
        fields = {"practice_changed": answer, "example": "I now check with the school before a strategy discussion."}
        loader.ensure(Evaluation, {"registration": registration, "kind": Evaluation.Kind.FOLLOW_UP}, fields)
