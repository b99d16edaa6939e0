"""People: the board manager invites, changes, deactivates and reactivates the board's users.

Every change is written to Django's admin log (LogEntry), so it shows in the user's history in the
admin: who changed whom, when, and what. Agency membership is also in the agencies' own history.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.auth.models import AbstractUser, Group
from django.contrib.auth.tokens import default_token_generator
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import get_text_list

from core.formats import display_name, plural

from .. import roles
from ..models import Agency

User = get_user_model()
ROLE_LABELS = dict(roles.ROLE_CHOICES)


def link_lasts() -> str:
    """How long an invitation link works, in words: "24 hours", "3 days"."""
    hours = settings.INVITATION_LINK_SECONDS // 3600
    return f"{hours} hours" if hours < 48 else f"{hours // 24} days"


def role_label(person: AbstractUser) -> str:
    """The person's role in words; the site admin is a superuser rather than a role."""
    if person.is_superuser:
        return "Site admin"
    return ROLE_LABELS.get(roles.role_of(person), "No role")


@transaction.atomic
def invite_person(
    *,
    invited_by: AbstractUser,
    first_name: str,
    last_name: str,
    email: str,
    role: str,
    agencies: list[Agency],
    site_url: str,
) -> AbstractUser:
    """Add a person with a role and agencies, and e-mail them a link to choose their password."""
    email = email.strip()
    _check_role_and_agencies(role, agencies)
    _check_email_is_free(email)
    person = User(username=email.lower(), email=email, first_name=first_name, last_name=last_name)
    # Nobody can sign in as them until they choose a password through the link.
    person.set_unusable_password()
    try:
        with transaction.atomic():
            person.save()
    except IntegrityError:
        raise _email_taken(email) from None
    person.groups.set([Group.objects.get(name=role)])
    _set_agencies(person, agencies, invited_by)
    _send_invitation(person=person, invited_by=invited_by, site_url=site_url)
    agencies_text = f" for {_names(agencies)}" if agencies else ""
    _log(invited_by, person, ADDITION, f"Invited as {ROLE_LABELS[role]}{agencies_text}; invitation e-mailed.")
    return person


@transaction.atomic
def update_person(
    *,
    changed_by: AbstractUser,
    person: AbstractUser,
    first_name: str,
    last_name: str,
    email: str,
    role: str,
    agencies: list[Agency],
) -> list[str]:
    """Change a person's name, e-mail, role and agencies at once; returns what changed, in words."""
    check_may_change(changed_by=changed_by, person=person)
    _check_role_and_agencies(role, agencies)
    old_role = roles.role_of(person)
    if person == changed_by and old_role == roles.BOARD_MANAGERS and role != roles.BOARD_MANAGERS:
        raise ValidationError({"role": "You cannot remove your own board manager role. Ask the site admin to do it."})
    changes = _set_name_and_email(person, first_name=first_name, last_name=last_name, email=email)
    if role != old_role:
        role_groups = Group.objects.filter(name__in=roles.ROLE_PERMISSIONS)
        person.groups.remove(*role_groups)
        person.groups.add(Group.objects.get(name=role))
        changes.append(f"role from {ROLE_LABELS.get(old_role, 'no role')} to {ROLE_LABELS[role]}")
    if _set_agencies(person, agencies, changed_by):
        changes.append(f"agencies to {_names(agencies) or 'none'}")
    if changes:
        _log(changed_by, person, CHANGE, f"Changed {get_text_list(changes, 'and')}.")
    return changes


@transaction.atomic
def resend_invitation(*, sent_by: AbstractUser, person: AbstractUser, site_url: str) -> None:
    """E-mail a fresh link to someone who has not chosen a password yet (the first may have expired)."""
    check_may_change(changed_by=sent_by, person=person)
    if person.has_usable_password():
        raise ValidationError(f"{display_name(person)} has already chosen a password.")
    _send_invitation(person=person, invited_by=sent_by, site_url=site_url)
    _log(sent_by, person, CHANGE, "Invitation e-mailed again.")


@transaction.atomic
def deactivate_person(*, changed_by: AbstractUser, person: AbstractUser) -> int:
    """Stop a person signing in and end their sessions at once; returns how many sessions ended."""
    if person == changed_by:
        raise ValidationError("You cannot deactivate yourself. Ask the site admin to do it.")
    check_may_change(changed_by=changed_by, person=person)
    if not person.is_active:
        raise ValidationError(f"{display_name(person)} is already deactivated.")
    person.is_active = False
    person.save(update_fields=["is_active"])
    ended = _end_sessions(person)
    _log(changed_by, person, CHANGE, f"Deactivated; {plural(ended, 'signed-in session')} ended.")
    return ended


@transaction.atomic
def reactivate_person(*, changed_by: AbstractUser, person: AbstractUser) -> None:
    """Let a deactivated person sign in again."""
    check_may_change(changed_by=changed_by, person=person)
    if person.is_active:
        raise ValidationError(f"{display_name(person)} is already active.")
    person.is_active = True
    person.save(update_fields=["is_active"])
    _log(changed_by, person, CHANGE, "Reactivated.")


def _set_name_and_email(person: AbstractUser, *, first_name: str, last_name: str, email: str) -> list[str]:
    """Save a changed name or e-mail address; returns what changed, in words."""
    email = email.strip()
    changes = []
    if (person.first_name, person.last_name) != (first_name, last_name):
        person.first_name, person.last_name = first_name, last_name
        changes.append(f"name to {display_name(person)}")
    if email != person.email:
        _check_email_is_free(email, exclude=person)
        changes.append(f"e-mail from {person.email} to {email}")
        # They sign in with their e-mail address, so the username follows it.
        person.email, person.username = email, email.lower()
    if changes:
        try:
            with transaction.atomic():
                person.save()
        except IntegrityError:
            raise _email_taken(email) from None
    return changes


def _check_role_and_agencies(role: str, agencies: list[Agency]) -> None:
    if role not in ROLE_LABELS:
        raise ValidationError({"role": "Choose one of the roles listed."})
    if role == roles.AGENCY_CONTRIBUTORS and not agencies:
        raise ValidationError({"agencies": "Choose the agency or agencies an agency contributor writes progress for."})


def check_may_change(*, changed_by: AbstractUser, person: AbstractUser) -> None:
    """Refuse a change to an account that holds more than a manager may give, unless it is the site admin's doing.

    The site admin's account is the way back in if the app's roles go wrong, so only the admin changes it. A staff
    account reaches the admin, and another board manager's holds the same powers: a manager who could change its
    e-mail address could take it over through a password reset link, so the site admin changes those too.
    """
    name = display_name(person)
    if person.is_superuser:
        raise ValidationError(f"{name} is a site admin and can only be changed in the admin.")
    if changed_by.is_superuser or person == changed_by:
        return
    if person.is_staff:
        raise ValidationError(f"{name} can use the admin, so only the site admin can change them.")
    if roles.role_of(person) == roles.BOARD_MANAGERS:
        raise ValidationError(f"{name} is a board manager, so only the site admin can change them.")


def _check_email_is_free(email: str, exclude: AbstractUser | None = None) -> None:
    taken = User.objects.filter(Q(email__iexact=email) | Q(username__iexact=email))
    if exclude is not None:
        taken = taken.exclude(pk=exclude.pk)
    if taken.exists():
        raise _email_taken(email)


def _email_taken(email: str) -> ValidationError:
    return ValidationError(
        {"email": f"Someone here already has the e-mail address {email} (capital letters make no difference)."}
    )


def _set_agencies(person: AbstractUser, agencies: list[Agency], changed_by: AbstractUser) -> bool:
    """Make the person a member of exactly these agencies; True if that changed anything."""
    current = set(person.agencies.all())
    wanted = set(agencies)
    # Changed from the agency's side: its history tracks members (and cannot follow the user's side).
    for agency in wanted - current:
        agency._history_user = changed_by
        agency.members.add(person)
    for agency in current - wanted:
        agency._history_user = changed_by
        agency.members.remove(person)
    return current != wanted


def _send_invitation(*, person: AbstractUser, invited_by: AbstractUser, site_url: str) -> None:
    # The link is the password reset confirmation page: it works for an unusable password,
    # and stops working once a password is chosen or the e-mail address changes.
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(person.pk)),
            "token": default_token_generator.make_token(person),
        },
    )
    agencies = list(person.agencies.all())
    context = {
        "person": person,
        "invited_by": display_name(invited_by),
        "board_name": settings.BOARD_NAME,
        "role": role_label(person),
        "agencies": _names(agencies),
        "link": urljoin(site_url, path),
        "sign_in": urljoin(site_url, reverse("login")),
        "link_lasts": link_lasts(),
    }
    subject = " ".join(render_to_string("registration/invite_subject.txt", context).split())
    body = render_to_string("registration/invite_email.txt", context)
    send_mail(subject, body, None, [person.email])


def _end_sessions(person: AbstractUser) -> int:
    # Sessions are stored encoded, so each is decoded to find the person's; boards are small.
    key = str(person.pk)
    mine = [
        session.session_key for session in Session.objects.iterator() if session.get_decoded().get(SESSION_KEY) == key
    ]
    Session.objects.filter(session_key__in=mine).delete()
    return len(mine)


def _names(agencies: list[Agency]) -> str:
    return get_text_list(sorted(agency.name for agency in agencies), "and")


def _log(by: AbstractUser, person: AbstractUser, flag: int, message: str) -> None:
    LogEntry.objects.log_actions(by.pk, [person], flag, change_message=message, single_object=True)
