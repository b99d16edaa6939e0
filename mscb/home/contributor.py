"""An agency contributor's actions in the open rounds: what needs writing first, then what waits on the manager."""

from dataclasses import dataclass
from html import escape

from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import SafeString, mark_safe

from objectives.models import Action, ProgressRound, ProgressUpdate
from objectives.selectors import rounds
from objectives.state_rows import manager_comment, state_badges, update_url
from objectives.text import first_words

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

    @cached_property
    def rows_html(self) -> SafeString:
        """Each action as a line of the list: its state, a link to its update, its first words and any comment from
        the board manager. Drawn in Python, not by an include a row: an agency leads a hundred actions or more."""
        badges = state_badges({row.state: label for row, label in self.rows})
        edit_url = update_url(self.progress_round)
        action_name = escape(self.progress_round.plan.action_name)
        drawn = []
        for row, _label in self.rows:
            comment = manager_comment(row)
            if comment:
                comment = (
                    '\n      <div class="small ms-3"><strong>Comment from the board manager:</strong> '
                    f"{comment}</div>\n      "
                )
            drawn.append(
                '<li class="mb-2">\n'
                f"      {badges[row.state]}\n"
                f'      <a href="{edit_url(row.action.pk)}">{action_name} {escape(row.action.ref)}</a>: '
                f"{escape(first_words(row.action.text, 16))}\n"
                f"      {comment}\n"
                "    </li>"
            )
        # Safe: every typed text inside was escaped.
        return mark_safe("\n    ".join(drawn))


def actions_in_open_rounds(user) -> list[RoundActions]:
    """The open round of each plan with this person's agencies' actions in it, outstanding first: three queries."""
    today = timezone.localdate()
    open_rounds = rounds.latest_open_rounds()
    rows = rounds.listed_action_states(Action.objects.editable_by(user), open_rounds)
    sections = []
    for progress_round in open_rounds:
        mine = [row for row in rows if row.progress_round is progress_round]
        if mine:
            # Stable, so actions keep their reference order within each state.
            mine.sort(key=lambda row: STATE_ORDER.index(row.state))
            labelled = [(row, LABELS[row.state]) for row in mine]
            sections.append(RoundActions(progress_round, labelled, rounds.is_past_deadline(progress_round, today)))
    return sections
