"""What changed since the previous published report: new actions, rating (RAG) changes, new progress, later targets."""

from dataclasses import replace

from django.utils import timezone

from ..dates import format_target
from ..models import ProgressRound, PublishedReport
from .snapshot import ChangeSummary, Paper, PaperRow, from_snapshot

NEW_ACTION = "New action"
NEW_PROGRESS = "New progress"
# "Target slipped from March 2026 to June 2026": the glance lists these among the exceptions.
TARGET_SLIPPED = "Target slipped"


def previous_publication(progress_round: ProgressRound) -> PublishedReport | None:
    """The publication a report of this round is compared with: the plan's latest for this or an earlier round."""
    return (
        PublishedReport.objects.filter(plan_id=progress_round.plan_id, round__as_of__lte=progress_round.as_of)
        .order_by("-round__as_of", "-published_at", "-pk")
        .only("snapshot", "published_at")
        .first()
    )


def mark_changes(paper: Paper, previous: PublishedReport | None) -> Paper:
    """The paper with each row's changes in words and a summary on the cover; the first publication marks nothing."""
    if previous is None:
        return paper
    earlier = {row.action_id: row for row in from_snapshot(previous.snapshot).rows}
    word = paper.rating_word
    # "RAG changed from Amber to Green", "Rating changed from 2 On track … to 3 Slipped".
    changed = f"{word[0].upper()}{word[1:]} changed"
    aims = tuple(
        replace(
            aim,
            objectives=tuple(
                replace(
                    objective, rows=tuple(_marked(row, earlier.get(row.action_id), changed) for row in objective.rows)
                )
                for objective in aim.objectives
            ),
        )
        for aim in paper.aims
    )
    rows = [row for aim in aims for objective in aim.objectives for row in objective.rows]
    summary = ChangeSummary(
        since=timezone.localdate(previous.published_at),
        new_actions=sum(NEW_ACTION in row.changes for row in rows),
        rag_changes=sum(any(change.startswith(changed) for change in row.changes) for row in rows),
        new_progress=sum(NEW_PROGRESS in row.changes for row in rows),
        rating_word=word,
    )
    return replace(paper, aims=aims, changes=summary)


def _marked(row: PaperRow, before: PaperRow | None, changed: str) -> PaperRow:
    changes = []
    if before is None:
        changes.append(NEW_ACTION)
    else:
        # A RAG first given (or left blank) since then is new progress, not a change of RAG.
        if before.rag and row.rag and before.has_update and row.has_update and before.rag != row.rag:
            changes.append(f"{changed} from {before.rag_label} to {row.rag_label}")
        if row.has_update and (row.progress, row.impact) != (before.progress, before.impact):
            changes.append(NEW_PROGRESS)
        if _slipped(row, before):
            was = format_target(before.target_on, before.target_is_month)
            changes.append(f"{TARGET_SLIPPED} from {was} to {format_target(row.target_on, row.target_is_month)}")
    return replace(row, changes=tuple(changes))


def _slipped(row: PaperRow, before: PaperRow) -> bool:
    """The target date moved later since the previous publication; one published without dates is not judged."""
    return before.target_on is not None and row.target_on is not None and row.target_on > before.target_on
