"""Each kind's e-mail, written from templates/objectives/email/: a subject, a plain-text body and a digest line.

Every e-mail names the board, says what happened, gives the page's address on a line of its own, and ends
by saying why the person got it and where to change their e-mail settings.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.template.loader import render_to_string
from django.urls import reverse

from .kinds import INFO


@dataclass(frozen=True)
class Message:
    subject: str
    body: str
    # For the digest: one line saying what happened, any detail, and the page's address.
    headline: str
    detail: str
    link: str


def site_link(url_name: str, *args) -> str:
    """A page's full address, for e-mails sent without a request (SITE_URL)."""
    return settings.SITE_URL + reverse(url_name, args=args)


def build(kind: str, recipient: AbstractBaseUser, context: dict) -> Message:
    """The e-mail of this kind to this person; `context` holds what the kind's templates name, and its `link`."""
    context = {
        **context,
        "kind": kind,
        "name": recipient.first_name or recipient.get_username(),
        "board_name": settings.BOARD_NAME,
        "because": INFO[kind].because if kind in INFO else "",
        "settings_url": site_link("objectives:email_settings"),
    }
    headline = _one_line(f"objectives/email/{kind}_subject.txt", context)
    detail = render_to_string(f"objectives/email/{kind}_detail.txt", context).strip()
    body = render_to_string(f"objectives/email/{kind}.txt", context).strip() + "\n"
    return Message(f"{settings.BOARD_NAME}: {headline}", body, headline, detail, context["link"])


def _one_line(template: str, context: dict) -> str:
    return " ".join(render_to_string(template, context).split())
