"""Telling the person how a button press ended: the service's refusal in its own words, or what was done."""

from contextlib import contextmanager

from django.contrib import messages
from django.core.exceptions import ValidationError


def say_refused(request, error: ValidationError) -> None:
    """A service's refusal as one error message, in the service's own words."""
    messages.error(request, " ".join(error.messages))


@contextmanager
def reported(request, done: str):
    """Run the service call in the block: say why it was refused, or `done` when it went through."""
    try:
        yield
    except ValidationError as error:
        say_refused(request, error)
    else:
        messages.success(request, done)
