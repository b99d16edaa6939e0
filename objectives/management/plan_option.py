"""The --plan option of the commands that read or write one business plan, named by its title, and their dates."""

from argparse import ArgumentTypeError
from datetime import date


def add_plan_argument(parser) -> None:
    """--plan, worded the same for every command, so the help text never drifts between them."""
    parser.add_argument("--plan", required=True, help='The business plan\'s title, such as "2025/26".')


def iso_date(text: str) -> date:
    """A date option (--starts, --ends) as the commands take it: 2025-04-01."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ArgumentTypeError(f"{text!r} is not a date; write it as 2025-04-01.") from None
