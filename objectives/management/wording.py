"""What the management commands share: counting in words."""


def plural(number: int, noun: str) -> str:
    """ "1 reminder", "2 reminders"."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
