"""A plan page's objectives and tables of actions, drawn in Python rather than by templates.

A plan of 1,000 actions drew 100 objectives through two includes each and 1,000 rows through two more, each row
with a reversed URL, a formatted target and a rating badge; that template work was most of the page's time (as it
was the committee report's, whose rows `objectives/paper/row_html.py` draws the same way). The HTML is what
`plan_detail.html`, `_plan_actions.html` and `_action_cells.html` drew, element for element. Every typed text
(titles, refs, level names, agency names, timescales) goes through `html.escape`, which is what Django's
autoescaping calls.
"""

from collections.abc import Callable, Iterable
from html import escape

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from core.templatetags.core_tables import scroll_region_html

from .models import Action, BusinessPlan, Objective
from .templatetags.objectives_tags import action_target

# A key no database hands out, reversed in place of a real one; never shown.
_PLACEHOLDER = 987654321987654321

_url_parts: dict[tuple, tuple[str, str]] = {}


def url_for_each(url_name: str, *later_args: int) -> Callable[[int], str]:
    """A function giving `url_name`'s URL for any one key, reversed once rather than once a row. The key is the URL's
    first argument; `later_args` are the same for every row (an update's round, say).

    Kept per URLconf and script prefix (FORCE_SCRIPT_NAME or the server's SCRIPT_NAME), as the navigation's links
    are: the URL begins with the prefix of the request that asked.
    """
    key = (get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), url_name, *later_args)
    if key not in _url_parts:
        url = reverse(url_name, args=[_PLACEHOLDER, *later_args])
        before, _, after = url.rpartition(str(_PLACEHOLDER))
        _url_parts[key] = (before, after)
    before, after = _url_parts[key]
    return lambda pk: f"{before}{int(pk)}{after}"


def objectives_html(
    objectives: Iterable[Objective], plan: BusinessPlan, level: dict[str, str], may: Callable[[str], bool]
) -> SafeString:
    """An aim's objectives on its plan's page, each with its heading, links and table of actions; or a line
    saying it has none. `may("change_objective")` says whether the viewer holds an `objectives.` permission."""
    edit_url = url_for_each("objectives:objective_update") if may("change_objective") else None
    add_url = url_for_each("objectives:action_create") if may("add_action") else None
    drawn = [_objective_html(objective, plan, level, edit_url, add_url) for objective in objectives]
    if not drawn:
        return mark_safe(f"<p>No {escape(level['objectives'])} yet.</p>")
    # Safe: every typed text inside was escaped.
    return mark_safe("\n".join(drawn))


def _objective_html(objective: Objective, plan: BusinessPlan, level: dict[str, str], edit_url, add_url) -> str:
    ref = escape(objective.ref)
    named = f"{escape(level['objective'])} {ref}"
    links = []
    if edit_url:
        links.append(
            f'<a href="{escape(edit_url(objective.pk))}">Edit<span class="visually-hidden"> {named}</span></a>'
        )
    if add_url:
        links.append(
            f'<a href="{escape(add_url(objective.pk))}">Add {escape(level["action"])}'
            f'<span class="visually-hidden"> to {named}</span></a>'
        )
    links_html = "\n".join(links)
    caption = f"{plan.objective_name} {objective.ref}"
    return (
        '<div class="plan-objective mb-4">\n'
        '<div class="d-flex flex-wrap justify-content-between align-items-baseline gap-2">\n'
        f'<h3 id="objective-{ref}" class="h5">{escape(plan.objective_name)} {ref}: {escape(objective.title)}</h3>\n'
        f'<p class="mb-0 d-flex gap-3">\n{links_html}\n</p>\n'
        "</div>\n"
        f"{actions_html(objective.shown_actions, plan, level, caption=caption)}\n"
        "</div>"
    )


def actions_html(actions: list[Action], plan: BusinessPlan, level: dict[str, str], *, caption: str) -> SafeString:
    """A table of a plan's actions on its page, in a scroll region named by `caption` (whose they are); or a line
    saying there are none."""
    if not actions:
        return mark_safe(f"<p>No {escape(level['actions'])} yet.</p>")
    rated = not plan.scale.is_none
    rating_heading = '<th scope="col">Latest rating</th>' if rated else ""
    table = (
        '<table class="table table-sm table-striped align-middle">\n'
        f'<caption class="visually-hidden">{escape(caption)}</caption>\n'
        "<thead>\n<tr>\n"
        '<th scope="col" class="col-ref">Ref</th>\n'
        f'<th scope="col">{escape(plan.action_name)}</th>\n'
        '<th scope="col">Lead agencies</th>\n'
        '<th scope="col">Target</th>\n'
        f"{rating_heading}\n"
        "</tr>\n</thead>\n"
        f"<tbody>\n{rows_html(actions, plan.scale)}\n</tbody>\n"
        "</table>"
    )
    # Safe: every typed text inside was escaped.
    return scroll_region_html(mark_safe(table))


def rows_html(actions: Iterable[Action], scale) -> SafeString:
    """Each action's row: its ref, text (linking to it), lead agencies, target and, when the plan rates its
    actions, latest rating.

    Each action needs `lead_agency_list` and `latest_rag` (None for no accepted update), as `plan_tree()` sets them.
    """
    action_url = url_for_each("objectives:action_detail")
    rated = not scale.is_none
    badges: dict[str, str] = {}
    targets: dict[tuple, str] = {}
    rows = []
    today = timezone.localdate()
    for action in actions:
        leads = ", ".join(escape(str(agency)) for agency in action.lead_agency_list) or "—"
        # The same target is formatted once: a plan's targets are mostly a few quarter ends.
        target_key = (action.target_on, action.target_is_month, action.is_overdue_on(today))
        if target_key not in targets:
            targets[target_key] = conditional_escape(action_target(action))
        target = targets[target_key]
        if action.timescale:
            target += f'<div class="small">{escape(action.timescale)}</div>'
        cells = [
            f'<th scope="row" role="rowheader" data-label="Ref">{escape(action.ref)}</th>',
            f'<td role="cell" data-label="Action"><a href="{escape(action_url(action.pk))}">'
            f"{escape(action.short_text)}</a></td>",
            f'<td role="cell" data-label="Lead agencies">{leads}</td>',
            f"<td>{target}</td>",
        ]
        if rated:
            # None is no accepted update ("No update"); "" a rating left blank, which prints nothing.
            value = "none" if action.latest_rag is None else action.latest_rag
            if value not in badges:
                badges[value] = scale.badge(value)
            cells.append(f"<td>{badges[value]}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    # Safe: every typed text inside was escaped.
    return mark_safe("\n".join(rows))
