"""The statutory clock of a serious incident, in working days.

From the day the board learns of a serious incident, the national panel must be told within 5 working
days and the rapid review held within 15. Working days skip weekends and the bank holidays of England
and Wales (the BankHoliday table).
"""

from datetime import date, timedelta

from .models import BankHoliday

PANEL_NOTIFICATION_WORKING_DAYS = 5
RAPID_REVIEW_WORKING_DAYS = 15

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


def statutory_deadlines(incident_notified_on: date) -> tuple[date, date]:
    """(tell the national panel by, hold the rapid review by), reading the bank holidays once for both."""
    holidays = _holidays_for(incident_notified_on, RAPID_REVIEW_WORKING_DAYS)
    return (
        _count_on(incident_notified_on, PANEL_NOTIFICATION_WORKING_DAYS, holidays),
        _count_on(incident_notified_on, RAPID_REVIEW_WORKING_DAYS, holidays),
    )
