"""An agency contributor's actions in the open rounds: what needs writing first, then what waits on the manager."""

from dataclasses import dataclass

from django.utils import timezone

from objectives.models import Action, ProgressRound, ProgressUpdate
from objectives.selectors import rounds

State = ProgressUpdate.State
# Returned updates wait on the agency with the manager's comment, then those not started, then drafts.
STATE_ORDER = [State.RETURNED, rounds.MISSING, State.DRAFT, State.SUBMITTED, State.ACCEPTED]
# The home page's words for "no update yet"; the round pages count the same rows as "Missing".
LABELS = {**rounds.STATE_LABELS, rounds.MISSING: "Not started"}


@dataclass
class RoundActions:
    progress_round: ProgressRound
    rows: list[tuple[rounds.ActionState, str]]  # each with its state in the home page's words
    is_past_deadline: bool

    @property
    def outstanding(self) -> int:
        return sum(row.is_outstanding for row, _label in self.rows)


def actions_in_open_rounds(user) -> list[RoundActions]:
    """The open round of each plan with this person's agencies' actions in it, outstanding first: four queries."""
    today = timezone.localdate()
    open_rounds = rounds.latest_open_rounds()
    rows = rounds.action_states(Action.objects.editable_by(user), open_rounds)
    sections = []
    for progress_round in open_rounds:
        mine = [row for row in rows if row.progress_round is progress_round]
        if mine:
            # Stable, so actions keep their reference order within each state.
            mine.sort(key=lambda row: STATE_ORDER.index(row.state))
            labelled = [(row, LABELS[row.state]) for row in mine]
            sections.append(RoundActions(progress_round, labelled, rounds.is_past_deadline(progress_round, today)))
    return sections
