"""Writes that touch more than one row: recording progress."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from .models import Action, ProgressRound, ProgressUpdate


@transaction.atomic
def record_progress(
    *,
    action: Action,
    progress_round: ProgressRound,
    author: AbstractBaseUser,
    rag: str,
    progress: str,
    impact: str,
) -> ProgressUpdate:
    """Write or rewrite an action's progress for a round; a "complete" RAG completes the action."""
    # Ordered by pk alone: the default ordering joins the nullable plan, which PostgreSQL cannot lock.
    existing = ProgressUpdate.objects.select_for_update().filter(action=action, round=progress_round).order_by("pk")
    update = existing.first() or ProgressUpdate(action=action, round=progress_round, author=author)
    # The first writer stays the author; later edits are attributed in the change history.
    update.rag, update.progress, update.impact = rag, progress, impact
    update.full_clean()
    update.save()
    if rag == ProgressUpdate.Rag.COMPLETE and action.status != Action.Status.COMPLETED:
        action.mark_completed()
        action.save(update_fields=["status", "completed_on"])
    return update
