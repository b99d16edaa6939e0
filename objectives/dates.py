"""Dates as boards write them: 2026-03-31, 2026-03, "March 2026", 31/03/2026."""

import calendar
import re
from datetime import date, datetime

from core.formats import long_date, month_year

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})


class DateFormatError(ValueError):
    pass


def last_day_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """The same day `months` later (earlier if negative), or the month's last day where it is shorter: 31 August
    and six months is 28 February."""
    year, month_index = divmod(day.year * 12 + day.month - 1 + months, 12)
    last_day = last_day_of_month(year, month_index + 1)
    return last_day.replace(day=min(day.day, last_day.day))


def parse_flexible_date(text: str | date) -> tuple[date, bool]:
    """Read a date and say whether only its month was given.

    A month alone stands for the month's last day, so "March 2026" is overdue from April.
    Raises DateFormatError with a message a board manager can act on.
    """
    if isinstance(text, datetime):
        return text.date(), False
    if isinstance(text, date):
        return text, False
    value = str(text).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d %B %Y", "%d %b %Y"):
        try:
            return datetime.strptime(value, fmt).date(), False
        except ValueError:
            pass
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", value)
    if match:
        year, month = int(match[1]), int(match[2])
    else:
        match = re.fullmatch(r"([A-Za-z]+)\.?,?\s+(\d{4})", value)
        if not match or match[1].lower() not in _MONTHS:
            raise DateFormatError(f"{value!r} is not a date: write 2026-03-31, 2026-03 or March 2026.")
        year, month = int(match[2]), _MONTHS[match[1].lower()]
    if year < 1:
        raise DateFormatError(f"{value!r} has no year {year}: write 2026-03-31, 2026-03 or March 2026.")
    if not 1 <= month <= 12:
        raise DateFormatError(f"{value!r} has no month {month}: write 2026-03-31, 2026-03 or March 2026.")
    return last_day_of_month(year, month), True


def format_target(on: date | None, is_month: bool) -> str:
    """How a target reads on screen and paper: "March 2026" or "31 March 2026"."""
    if on is None:
        return ""
    return month_year(on) if is_month else long_date(on)
