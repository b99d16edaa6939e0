"""Closing and reopening progress rounds; a round's own rules are ProgressRound.clean()."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.formats import display_name

from ..models import ProgressRound
from ..paper.ahead import prepare_paper_later


@transaction.atomic
def close_round(*, progress_round: ProgressRound, closed_by: AbstractBaseUser) -> ProgressRound:
    """Close a round so its progress is read-only; the history records who closed it."""
    progress_round = ProgressRound.objects.select_for_update().get(pk=progress_round.pk)
    if progress_round.is_closed:
        raise ValidationError(f"{progress_round.label} is already closed.")
    progress_round.closed_at = timezone.now()
    progress_round._history_user = closed_by
    progress_round.save(update_fields=["closed_at"])
    # What the committee will be sent: its files are made in the background, ready before anyone asks.
    prepare_paper_later(round_pk=progress_round.pk, author=display_name(closed_by))
    return progress_round


@transaction.atomic
def reopen_round(*, progress_round: ProgressRound, reopened_by: AbstractBaseUser) -> ProgressRound:
    """Reopen a closed round so agencies can write and submit again; the history records who."""
    progress_round = ProgressRound.objects.select_for_update().get(pk=progress_round.pk)
    if not progress_round.is_closed:
        raise ValidationError(f"{progress_round.label} is already open.")
    progress_round.closed_at = None
    progress_round._history_user = reopened_by
    progress_round.save(update_fields=["closed_at"])
    return progress_round
