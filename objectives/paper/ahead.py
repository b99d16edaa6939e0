"""The committee paper's PDF and Word files made before anyone asks: a while after a round's progress changes.

Accepting an update, a manager's own progress and closing a round all change the paper, and managers accept a
round's updates in bursts of dozens. So each change asks for one deferred task per round (a marker in the cache
stops the rest of the burst queueing more); when it runs, the worker builds the paper as it then stands and asks
for its files (objectives.paper.generated), which the worker makes next. Files already made for that content are
found by the content version or their hash and not made again, so a task that arrives twice does nothing the
second time.

Only with a queue that can defer a task (the database queue of production): the immediate queue of development
and the tests would build the PDF inside every acceptance, seconds each, for a file nobody may ask for.
"""

from datetime import timedelta

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .build import rounds_for_paper
from .generated import KINDS, current_paper_files

# Long enough for a manager to work through a round's submissions, short enough that a councillor who opens the
# paper after the last acceptance finds it made.
PREPARE_AFTER = timedelta(minutes=2)
# The marker lasts as long as the wait: with a cache each process keeps to itself (the default), the worker cannot
# clear the web process's marker, so a change after the task is due must queue again. A worker running late may so
# be handed a second task, which finds the files asked for already and does nothing.
_MARKER_LASTS = PREPARE_AFTER


def _marker(round_pk: int) -> str:
    return f"objectives:paper-ahead:{round_pk}"


def prepare_paper_later(*, round_pk: int, author: str) -> None:
    """Once the current transaction commits, queue the round's paper files to be made after PREPARE_AFTER, unless
    a task for the round is already waiting. `author` is the board manager whose change it was: the paper they
    would download names them (objectives.paper.build.author_for); a reader's names nobody, and both are made."""
    if not prepare_paper_files.get_backend().supports_defer:
        return
    transaction.on_commit(lambda: _queue(round_pk, author))


def _queue(round_pk: int, author: str) -> None:
    if not cache.add(_marker(round_pk), author, timeout=_MARKER_LASTS.total_seconds()):
        return
    prepare_paper_files.using(run_after=timezone.now() + PREPARE_AFTER).enqueue(round_pk, [author, ""])


@task()
def prepare_paper_files(round_pk: int, authors: list[str]) -> None:
    # Cleared before the paper is read, so a change made while it is built queues a task of its own (with a cache
    # the web processes share; otherwise the marker has expired by now anyway).
    cache.delete(_marker(round_pk))
    progress_round = rounds_for_paper().filter(pk=round_pk).first()
    if progress_round is None:  # deleted since
        return
    for author in dict.fromkeys(authors):
        current_paper_files(progress_round, KINDS, author=author)
