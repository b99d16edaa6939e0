"""What the management commands share: reading a day and a site address from the command line."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.core.validators import URLValidator


def parse_day(text: str, option: str = "--date") -> date:
    """A day given on the command line as YYYY-MM-DD, or a CommandError that says how to write it."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{option} must be a day written YYYY-MM-DD, such as 2026-03-06, not {text!r}.") from None


def parse_base_url(text: str) -> str:
    """The site's address for links in e-mails, or a CommandError that says what one looks like."""
    try:
        URLValidator(schemes=["http", "https"])(text)
    except ValidationError:
        raise CommandError(f"--base-url must be a web address such as https://scp.example.org, not {text!r}.") from None
    return text
