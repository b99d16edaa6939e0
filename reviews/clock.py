"""The statutory clock of a serious incident, in working days.

From the day the board learns of a serious incident, the national panel must be told within 5 working
days and the rapid review held within 15, under the guidance from 29 June 2018 on (reviews.guidance holds
the numbers by edition). Working days skip weekends and the bank holidays of England and Wales (the
BankHoliday table).
"""

from datetime import date, timedelta

from .guidance import Edition, edition_on
from .models import BankHoliday

# Generous enough that 15 working days never run out of looked-up holidays (Christmas and Easter together).
_LOOKAHEAD_DAYS = 60


def _holidays_for(start: date, working_days: int) -> set[date]:
    span = timedelta(days=_LOOKAHEAD_DAYS + abs(working_days) * 2)
    first, last = (start, start + span) if working_days >= 0 else (start - span, start)
    return BankHoliday.objects.dates_between(first, last)


def _count_on(start: date, working_days: int, holidays: set[date]) -> date:
    step = timedelta(days=1 if working_days >= 0 else -1)
    day, remaining = start, abs(working_days)
    while remaining:
        day += step
        if day.weekday() < 5 and day not in holidays:
            remaining -= 1
    return day


def add_working_days(start: date, working_days: int) -> date:
    """The day `working_days` working days after `start` (which itself does not count); before it if negative."""
    return _count_on(start, working_days, _holidays_for(start, working_days))


def statutory_deadlines(incident_notified_on: date, edition: Edition | None = None) -> tuple[date, date]:
    """(tell the national panel by, hold the rapid review by) under `edition` (by default the one in force on the
    day), reading the bank holidays once for both."""
    edition = edition or edition_on(incident_notified_on)
    panel_days, rapid_review_days = edition.panel_working_days.number, edition.rapid_review_working_days.number
    holidays = _holidays_for(incident_notified_on, max(panel_days, rapid_review_days))
    return (
        _count_on(incident_notified_on, panel_days, holidays),
        _count_on(incident_notified_on, rapid_review_days, holidays),
    )
