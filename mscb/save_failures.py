"""A save that fails because the database or the disk failed (not because of anything the person typed) gets a
page saying so in plain words, with what they typed shown back to copy, instead of a bare "Server Error".

The page is drawn like the 500 page (mscb.errors): from the board's names and the posted text alone, with no
query, as the database may be what failed. Only a POST is caught: there is nothing typed to keep on a GET.
"""

import logging
import smtplib
import socket
from dataclasses import dataclass
from http import HTTPStatus

from django.db import DatabaseError
from django.http import HttpResponse

from mscb import errors

logger = logging.getLogger(__name__)

# Parts of a field's name that mark it as a secret or the form's own machinery, never shown back.
NOT_SHOWN = ("password", "token", "csrf", "secret", "otp", "version", "intent")
# How long to suggest waiting before trying again, in seconds (the Retry-After header).
RETRY_AFTER = 60
# OSErrors that are a network failure (sending e-mail, reaching another service), not the disk's.
NETWORK_ERRORS = (ConnectionError, TimeoutError, socket.gaierror, smtplib.SMTPException)

DATABASE = "The database could not save it: it is not answering or is busy. This was not caused by anything you typed."
DISK = "The server could not write to its disk (it may be full). This was not caused by anything you typed."


@dataclass(frozen=True)
class TypedField:
    name: str
    label: str
    text: str


def failure_of(exception: Exception) -> str | None:
    """What failed, in plain words, or None for an exception this page is not for."""
    if isinstance(exception, DatabaseError):
        return DATABASE
    if isinstance(exception, OSError) and not isinstance(exception, NETWORK_ERRORS):
        return DISK
    return None


def typed_fields(post) -> list[TypedField]:
    """The text fields of the post that hold something, secrets and hidden machinery left out.

    Uploaded files are in request.FILES, not here, so their contents are never shown.
    """
    fields = []
    for name, values in post.lists():
        if any(part in name.lower() for part in NOT_SHOWN):
            continue
        text = "\n".join(value for value in values if value.strip())
        if text:
            fields.append(TypedField(name=name, label=name.replace("_", " ").replace("-", " ").capitalize(), text=text))
    return fields


def failure_page(request, what: str) -> HttpResponse:
    """The 503 page: what happened, and what they typed in read-only boxes. No query, no request context."""
    try:
        fields = typed_fields(request.POST)
    except OSError:  # The post itself could not be read back; the page still says what happened.
        fields = []
    body = errors.without_request("save_failed.html", what=what, fields=fields)
    response = HttpResponse(body, status=HTTPStatus.SERVICE_UNAVAILABLE)
    response["Retry-After"] = str(RETRY_AFTER)
    # What they typed is on this page: never kept by a browser or proxy, signed in or not.
    response["Cache-Control"] = "private, no-store"
    return response


class SaveFailureMiddleware:
    """A view's DatabaseError or (non-network) OSError during a POST becomes the failure page, logged in full."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        what = failure_of(exception) if request.method == "POST" else None
        if what is None:
            return None
        # The person gets a page rather than a 500, so Django would not log it: the administrators still must know.
        logger.error("A save failed: %s %s", request.method, request.path, exc_info=exception)
        return failure_page(request, what)
