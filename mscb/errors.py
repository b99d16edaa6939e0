"""The error pages' handlers, and a refused request (403) logged in one line.

Django draws 403.html and 404.html itself, with the request, so a signed-in person keeps the menu. A 400 or a
500 may come from a broken request, session or database, so those two pages are drawn from the board's names
alone, with no request and no query; if even that fails, the 500 is a plain page that still answers.

Loaded by the LOGGING setting before the apps are ready, so this module imports no models.
"""

import logging
from http import HTTPStatus

from django.http import HttpResponseBadRequest, HttpResponseServerError
from django.template import loader

from mscb.context_processors import board

logger = logging.getLogger(__name__)

PLAIN_500 = (
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Sorry, something went wrong</title>'
    "</head><body><h1>Sorry, something went wrong</h1><p>There is a problem with the site. It was not caused by "
    "anything you did. Please try again in a few minutes, and if it keeps happening contact your board manager."
    "</p></body></html>"
)


def without_request(template_name: str, **context) -> str:
    """A page drawn from the board's names and `context` alone: no request, no query (mscb.save_failures too)."""
    return loader.render_to_string(template_name, {**board(None), **context})


def bad_request(request, exception):
    return HttpResponseBadRequest(without_request("400.html"))


def server_error(request):
    try:
        body = without_request("500.html")
    except Exception:  # Whatever broke (a template, the static files' manifest), the person still gets a page.
        logger.exception("The 500 page could not be drawn; sent the plain one.")
        body = PLAIN_500
    return HttpResponseServerError(body)


class RefusalInOneLine(logging.Filter):
    """Rewrite Django's log of a 403 as one line naming who asked, with no traceback.

    Django logs a PermissionDenied with its whole traceback, though a refusal is the site working as meant:
    a log full of them hides the real errors. What is kept is Django's line (the reason and the address,
    already escaped) and the person's username.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == HTTPStatus.FORBIDDEN:
            record.msg = f"{record.getMessage()} (user: {_who(getattr(record, 'request', None))})"
            record.args = ()
            record.exc_info = record.exc_text = record.stack_info = None
        return True


def _who(request) -> str:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return "anonymous"
    # Escaped as Django escapes the address, so nothing typed can start a new log line.
    return user.get_username().encode("unicode_escape").decode("ascii")
