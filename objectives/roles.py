"""The roles people play, as groups of permissions. `sync_roles()` makes the groups match this file.

- Board managers: everything in the plan, its rounds and its people; accept or return progress.
- Agency contributors: read the whole plan; write and submit progress for their agencies' actions.
- Readers (the chair, board members, councillors): read and print everything.
- The site admin is a superuser, outside these groups.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q

BOARD_MANAGERS = "Board managers"
AGENCY_CONTRIBUTORS = "Agency contributors"
READERS = "Readers"

_PLAN_MODELS = [
    "agency",
    "businessplan",
    "aim",
    "objective",
    "action",
    "progressround",
    "progressupdate",
    # The covering report of each round's paper, and the board's template of its headings.
    "coveringreport",
    "committeeheading",
    # Performance indicators and their values; contributors enter their own agency's through editable_by.
    "indicator",
    "indicatorvalue",
]
READ = [f"objectives.view_{model}" for model in _PLAN_MODELS]
_EDIT = [f"objectives.{verb}_{model}" for model in _PLAN_MODELS for verb in ("add", "change", "delete")]
_PEOPLE = ["auth.view_user", "auth.add_user", "auth.change_user", "objectives.view_reminderlog"]

ROLE_PERMISSIONS: dict[str, list[str]] = {
    BOARD_MANAGERS: [
        *READ,
        *_EDIT,
        *_PEOPLE,
        "objectives.submit_progressupdate",
        "objectives.review_progressupdate",
    ],
    AGENCY_CONTRIBUTORS: [*READ, "objectives.submit_progressupdate"],
    READERS: READ,
}

# The roles a board manager may give people in the app, in the order the form lists them.
ROLE_CHOICES = [
    (BOARD_MANAGERS, "Board manager"),
    (AGENCY_CONTRIBUTORS, "Agency contributor"),
    (READERS, "Reader (chair, board member, councillor)"),
]


def register_role(name: str, label: str, permissions: list[str]) -> None:
    """Add a role another app defines (e.g. training administrators); mscb calls it, so objectives imports no app."""
    ROLE_PERMISSIONS.setdefault(name, [])
    grant(name, permissions)
    if name not in dict(ROLE_CHOICES):
        ROLE_CHOICES.append((name, label))


def grant(role: str, permissions: list[str]) -> None:
    """Give an existing role more permissions, e.g. readers may see training figures."""
    ROLE_PERMISSIONS[role] = [*ROLE_PERMISSIONS[role], *(p for p in permissions if p not in ROLE_PERMISSIONS[role])]


def _permissions(names: list[str]) -> list[Permission]:
    query = Q()
    for name in names:
        app_label, codename = name.split(".")
        query |= Q(content_type__app_label=app_label, codename=codename)
    found = list(Permission.objects.filter(query))
    missing = set(names) - {f"{p.content_type.app_label}.{p.codename}" for p in found}
    if missing:
        raise LookupError(f"Permissions not found (run migrate first): {', '.join(sorted(missing))}")
    return found


@transaction.atomic
def sync_roles() -> list[str]:
    """Create each role's group and give it exactly its permissions; safe to run again."""
    for name, permission_names in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(_permissions(permission_names))
    return list(ROLE_PERMISSIONS)


def role_of(user) -> str | None:
    """The role a user holds, by group name; the first in ROLE_CHOICES order wins."""
    names = {group.name for group in user.groups.all()}
    return next((role for role, _ in ROLE_CHOICES if role in names), None)


# The role questions pages and services ask, answered by permission so the site admin passes too.


def is_board_manager(user) -> bool:
    """The board manager (and the site admin): may accept, return and edit progress at any state."""
    return user.has_perm("objectives.review_progressupdate")


def is_agency_scoped(user) -> bool:
    """An agency contributor: may write progress, but only for the agencies they belong to."""
    return user.has_perm("objectives.submit_progressupdate") and not is_board_manager(user)
