"""What the management commands share: reading a day from the command line and counting in words."""

from datetime import date

from django.core.management.base import CommandError


def parse_day(text: str, option: str = "--date") -> date:
    """A day given on the command line as YYYY-MM-DD, or a CommandError that says how to write it."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{option} must be a day written YYYY-MM-DD, such as 2026-03-06, not {text!r}.") from None


def plural(number: int, noun: str) -> str:
    """ "1 reminder", "2 reminders"."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
