"""Times in the demo are the board's own (UK time), as a board manager would read them on the page."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def in_march_2026(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in the open March 2026 round, when most of the demo's workflow happens."""
    return datetime(2026, 3, day, hour, minute, tzinfo=LONDON)


def reported_round(*, as_of: date, deadline: date, reported_on: date, updates: dict) -> dict:
    """A round already reported to the committee, so closed (at noon that day): its progress is read-only."""
    closed_at = datetime(reported_on.year, reported_on.month, reported_on.day, 12, 0, tzinfo=LONDON)
    return {"as_of": as_of, "deadline": deadline, "closed_at": closed_at, "updates": updates}
