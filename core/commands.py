"""What management commands read from the command line (a day, the site's address), and how imports refuse a file."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.core.validators import URLValidator

from core.formats import plural


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


def file_problems(file_name: str, problems) -> CommandError:
    """All or nothing: the error that refuses a whole file, listing every problem found in it."""
    problems = [str(problem) for problem in problems]
    listed = "\n".join(problems)
    return CommandError(f"{file_name} has {plural(len(problems), 'problem')}; nothing was imported.\n{listed}")
