"""Making a published document public, withdrawing it, and whether a public committee report shows its progress text.

Each step is the board manager's alone, is recorded in the document's history (who and when), and is idempotent:
making a public document public again keeps who first did it and when; withdrawing a withdrawn one changes nothing.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from core.models import PublicDocument
from mscb.roles import PUBLIC_MANAGE
from objectives.models import PublishedReport
from objectives.services.conflicts import take_next_version

from .kinds import KINDS


def may_manage(user) -> bool:
    return user.has_perms(PUBLIC_MANAGE)


def _locked(document: PublicDocument, by) -> PublicDocument:
    """The stored row, locked, so two managers clicking at once queue; refused to anyone but a manager."""
    if not may_manage(by):
        raise PermissionDenied("Only the board manager decides what the public pages show.")
    return type(document).objects.select_for_update(of=("self",)).defer(*KINDS.files).get(pk=document.pk)


def _save(document: PublicDocument, by, fields: list[str]) -> None:
    document._history_user = by
    document.save(update_fields=fields)


@transaction.atomic
def make_public(*, document: PublicDocument, by) -> PublicDocument:
    """Show the document on the public pages from now; nothing changes if it is public already."""
    document = _locked(document, by)
    if not document.is_public:
        document.make_public(by=by)
        _save(document, by, ["public_since", "made_public_by"])
    return document


@transaction.atomic
def withdraw(*, document: PublicDocument, by) -> PublicDocument:
    """Take the document off the public pages at once; a committee report's progress text goes with it.

    Making it public again later starts from its ratings only, so the progress text is always shown by a fresh
    decision, never by one taken for an earlier spell on the public pages.
    """
    document = _locked(document, by)
    if document.is_public:
        document.withdraw()
        fields = ["public_since", "made_public_by"]
        if isinstance(document, PublishedReport):
            document.progress_is_public = False
            fields.append("progress_is_public")
        _save(document, by, fields)
    return document


@transaction.atomic
def show_progress_text(*, report: PublishedReport, show: bool, by) -> PublishedReport:
    """Whether the public plan page shows this public report's progress text, or its ratings only."""
    report = _locked(report, by)
    if show and not report.is_public:
        raise ValidationError("Make the report public first: its progress text can only be shown with it.")
    if report.progress_is_public != show:
        report.progress_is_public = show
        _save(report, by, ["progress_is_public"])
    return report


@transaction.atomic
def save_profile(*, profile, expected_version: int | None, by):
    """Save the public pages' words unless someone saved them after `expected_version` was loaded."""
    if not may_manage(by):
        raise PermissionDenied("Only the board manager sets the public pages' words.")
    take_next_version(profile, expected_version=expected_version, subject=lambda saved: "the public pages' words")
    profile._history_user = by
    profile.full_clean()
    profile.save()
    return profile
