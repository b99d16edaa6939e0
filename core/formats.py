"""How the site writes dates, people's names, counts, money and financial years: one rule each.

Python code calls these functions; templates use `{{ day|date }}` (DATE_FORMAT, through
core/format_modules, since the en-gb locale would otherwise write "6 Mar 2026"), `|date:"DATETIME_FORMAT"`
and the `core_formats` filters.
"""

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from django.utils import dateformat, timezone, translation

# "6 March 2026": no leading zero, the month in full, as committee papers write it.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
# "March 2026": a target given to the month.
MONTH_FORMAT = "F Y"

# "2025/26", "2025-26" or "2025/2026": a financial year as a plan's title names it.
_FINANCIAL_YEAR = re.compile(r"(\d{4})\s*[/-]\s*(\d{2}|\d{4})")


def _local(day: date) -> date:
    # An aware datetime is shown in UK time, as the `date` filter shows it.
    if isinstance(day, datetime) and timezone.is_aware(day):
        return timezone.localtime(day)
    return day


def _format(day: date, format_string: str) -> str:
    if type(day) is date:
        return _format_day(day, format_string, translation.get_language())
    return dateformat.format(_local(day), format_string)


# A committee paper writes a thousand targets and dates, most of them the same few month-ends, and Django's
# formatter looks each month's name up in the translations every time: a plain date is written once a language.
@lru_cache(maxsize=4096)
def _format_day(day: date, format_string: str, language: str | None) -> str:
    return dateformat.format(day, format_string)


def long_date(day: date) -> str:
    """ "6 March 2026"."""
    return _format(day, DATE_FORMAT)


def long_datetime(moment: datetime) -> str:
    """ "6 March 2026, 14:05", in UK time."""
    return dateformat.format(_local(moment), DATETIME_FORMAT)


def month_year(day: date) -> str:
    """ "March 2026"."""
    return _format(day, MONTH_FORMAT)


def display_name(user, *, missing: str = "") -> str:
    """A person as the site names them: their full name, else their username; `missing` when there is no one."""
    if user is None:
        return missing
    return user.get_full_name() or user.get_username()


def plural(number: int, noun: str, many: str | None = None) -> str:
    """ "1 reminder", "2 reminders"; `many` for nouns that do not just add an s ("1 person", "2 people")."""
    if number == 1:
        return f"{number} {noun}"
    return f"{number} {many or noun + 's'}"


def in_words(items, last: str = "and") -> str:
    """A list as a sentence says it: "red, amber or green" with last="or"; "" for none."""
    items = [str(item) for item in items]
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def financial_year(day: date) -> tuple[date, date]:
    """1 April to 31 March of the financial year a day falls in."""
    start_year = day.year if day.month >= 4 else day.year - 1
    return date(start_year, 4, 1), date(start_year + 1, 3, 31)


def financial_year_label(day: date) -> str:
    """ "2025/26" for any day from 1 April 2025 to 31 March 2026."""
    start, end = financial_year(day)
    return f"{start.year}/{end.year % 100:02d}"


def financial_year_named(title: str) -> tuple[date, date] | None:
    """1 April to 31 March of the years a title such as "2025/26" names, if it names them."""
    match = _FINANCIAL_YEAR.fullmatch(title.strip())
    if not match:
        return None
    start_year, end_year, digits = int(match[1]), int(match[2]), len(match[2])
    if end_year % 10**digits != (start_year + 1) % 10**digits:
        return None
    return financial_year(date(start_year, 4, 1))


def pounds(amount) -> str:
    """ "£1,234.50", "-£20.00": money as the board's papers write it; takes a Decimal, a number or "1234.5"."""
    value = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    return f"{sign}£{abs(value):,.2f}"
