"""An agency's actions in a round drawn in Python rather than by templates: My actions' rows, and the pieces the
home page's list shares with them (each state's badge, an update's link, a returned update's comment).

An officer's agency leads a hundred actions or more, and drawing each through two includes, a reversed URL and
several filters was most of those pages' time. The HTML is what the templates drew, element for element: each
state's badge is still `objectives/_progress_state.html`, drawn once per state rather than once a row, and every
typed text (refs, action texts, agency names, comments) goes through `html.escape`, which is what Django's
autoescaping calls.
"""

from collections.abc import Callable
from html import escape

from django.template.defaultfilters import linebreaksbr
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from .models import ProgressRound, ProgressUpdate
from .plan_rows import url_for_each
from .selectors.rounds import MISSING, ActionState

# What My actions' button says for an update in each state: writing is the outstanding work, the rest is reading.
_BUTTONS = {
    MISSING: "Write update",
    ProgressUpdate.State.DRAFT: "Continue draft",
    ProgressUpdate.State.RETURNED: "Revise update",
}


def state_badges(labels: dict[str, str]) -> dict[str, str]:
    """Each state's badge with its label in `labels`, as objectives/_progress_state.html draws it."""
    return {
        state: render_to_string("objectives/_progress_state.html", {"state": state, "label": label})
        for state, label in labels.items()
    }


def update_url(progress_round: ProgressRound) -> Callable[[int], str]:
    """The URL of writing (or reading) an action's update in this round, for any action's key: reversed once."""
    return url_for_each("objectives:progress_edit", progress_round.pk)


def manager_comment(row: ActionState) -> str:
    """A returned update's comment from the board manager, escaped with its line breaks; "" for any other."""
    if row.state == ProgressUpdate.State.RETURNED and row.update.return_comment:
        return linebreaksbr(row.update.return_comment, autoescape=True)
    return ""


def my_action_rows(rows: list[ActionState], progress_round: ProgressRound, level: dict[str, str]) -> SafeString:
    """My actions' table rows for one round: each action's ref, text (linking to it), lead agencies, state with
    any comment from the board manager, and the button to its update. Each action needs `lead_agency_list`, as
    listed_action_states(leads=True) sets it."""
    action_url = url_for_each("objectives:action_detail")
    edit_url = update_url(progress_round)
    badges = state_badges({row.state: row.label for row in rows})
    heading = escape(progress_round.plan.action_name)
    named = escape(level["action"])
    drawn = []
    for row in rows:
        action = row.action
        ref = escape(action.ref)
        leads = ", ".join(escape(str(agency)) for agency in action.lead_agency_list) or "—"
        comment = manager_comment(row)
        if comment:
            comment = (
                f'\n          <div class="small mt-1"><strong>Comment from the board manager:</strong> {comment}</div>'
            )
        button = "btn-primary" if row.is_outstanding else "btn-outline-primary"
        drawn.append(
            '<tr role="row">\n'
            f'<th scope="row" role="rowheader" data-label="Ref">{ref}</th>\n'
            f'<td role="cell" data-label="{heading}"><a href="{action_url(action.pk)}">'
            f"{escape(action.short_text)}</a></td>\n"
            f'<td role="cell" data-label="Lead agencies">{leads}</td>\n'
            '<td role="cell" data-label="State">\n'
            f"          {badges[row.state]}{comment}\n"
            "        </td>\n"
            '        <td role="cell">\n'
            f'          <a class="btn btn-sm text-nowrap {button}" href="{edit_url(action.pk)}">\n'
            f"            {_BUTTONS.get(row.state, 'View update')}"
            f'<span class="visually-hidden"> for {named} {ref}</span>\n'
            "          </a>\n"
            "        </td>\n"
            "      </tr>"
        )
    # Safe: every typed text inside was escaped.
    return mark_safe("\n      ".join(drawn))
