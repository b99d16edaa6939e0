"""At a glance: how many actions stand at each rating, per aim and objective, and which ones the committee should see.

Worked out from the Paper alone, so a published paper's glance is the one it was published with and costs no query.
An action counts under the rating the plan table shows for it (its latest, which may be from an earlier round);
"No update this round" counts the open actions whose progress is from an earlier round or who have none, as the
round page chases them (completed and withdrawn actions are not chased).
"""

from dataclasses import dataclass

from django.utils.text import Truncator

from core.formats import in_words, long_date
from core.rating import NO_UPDATE

from ..dates import format_target
from ..models.shapes import ReportColumn, in_sentence, plural
from .changes import TARGET_SLIPPED
from .snapshot import Paper, PaperRow

NO_UPDATE_THIS_ROUND = "No update this round"
NOT_RATED = "Not rated"
TOTAL = "Total"
WHY_LISTED = "Why it is listed"
# An exception's action is shortened to this many words: the plan table below has it in full.
_ACTION_WORDS = 30
_NOT_RATED_KEY = ""


@dataclass(frozen=True)
class CountLine:
    """One row of the summary: an aim, an objective, or the total."""

    kind: str  # "aim", "objective" or "total"
    name: str
    total: int
    counts: tuple[int, ...]  # one per Glance.columns
    no_update: int

    @property
    def cells(self) -> tuple[int, ...]:
        """The figures in the order of Glance.headings after the name."""
        return (self.total, *self.counts, self.no_update)


@dataclass(frozen=True)
class Flagged:
    """An action among the exceptions, with why it is listed in words."""

    ref: str
    text: str
    lead: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Glance:
    # How to read the summary, in words.
    note: str
    caption: str
    name_heading: str
    total_heading: str
    # The rating columns' words: the paper's key, then any rating the key lacks; none for a plan that rates nothing.
    columns: tuple[str, ...]
    lines: tuple[CountLine, ...]
    # What puts an action on the exceptions list, as a sentence: "Actions rated Red; …; or with no update this round."
    listed_for: str
    exceptions: tuple[Flagged, ...]
    exceptions_caption: str
    exception_headings: tuple[str, ...]
    no_exceptions: str

    @property
    def headings(self) -> tuple[str, ...]:
        """The summary table's column headings, in words."""
        return (self.name_heading, self.total_heading, *self.columns, NO_UPDATE_THIS_ROUND)


def glance_of(paper: Paper) -> Glance:
    """The paper's summary table in the plan's shape and its exceptions, in the plan's own words."""
    rows = paper.rows
    keys, columns = _columns(paper, rows)
    return Glance(
        note=_note(paper),
        caption=_caption(paper),
        name_heading=_name_heading(paper),
        total_heading=plural(paper.action_name),
        columns=columns,
        lines=_lines(paper, keys),
        listed_for=_listed_for(paper, rows),
        exceptions=_exceptions(paper, rows),
        exceptions_caption=f"{plural(paper.action_name)} listed as exceptions",
        exception_headings=("Ref", paper.action_name, ReportColumn.LEAD.label, WHY_LISTED),
        no_exceptions=f"No {in_sentence(plural(paper.action_name))} to list.",
    )


def _rated(paper: Paper) -> bool:
    """Whether the summary counts ratings: not for a plan that rates nothing, nor one whose board gave none (whose
    paper prints no key either)."""
    return bool(paper.printed_key)


def _column_key(row: PaperRow) -> str:
    """Which rating column a row counts in: its level's code, "none" for no update yet, or "" if left unrated."""
    if not row.has_update:
        return NO_UPDATE.key
    return row.rag or _NOT_RATED_KEY


def _columns(paper: Paper, rows: list[PaperRow]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The rating columns' keys and words: each entry of the key, then any rating in use that the key lacks."""
    if not _rated(paper):
        return (), ()
    words = {entry.key: entry.label for entry in paper.key_entries}
    for row in rows:
        # A rating the scale no longer has keeps a column of its own, so no action goes uncounted.
        words.setdefault(_column_key(row), row.rag_label or row.rag or NOT_RATED)
    return tuple(words), tuple(words.values())


def _lines(paper: Paper, keys: tuple[str, ...]) -> tuple[CountLine, ...]:
    """A line per aim and then each of its objectives (a tree), per aim (two levels) or none (a list); the total."""
    # Each row is counted in its objective's line, its aim's and the total: judged once, by the row's identity.
    judged = {id(row): (_column_key(row), _no_update_this_round(row)) for row in paper.rows}
    lines = []
    if paper.shows_aims:
        for aim in paper.aims:
            lines.append(_line("aim", f"{paper.aim_name} {aim.number}: {aim.title}", aim.rows, keys, judged))
            if paper.shows_objectives:
                lines.extend(
                    _line("objective", f"{paper.objective_label} {item.ref}: {item.title}", item.rows, keys, judged)
                    for item in aim.objectives
                )
    lines.append(_line("total", TOTAL, paper.rows, keys, judged))
    return tuple(lines)


def _line(kind: str, name: str, rows: list[PaperRow], keys: tuple[str, ...], judged: dict) -> CountLine:
    column_keys = [judged[id(row)][0] for row in rows]
    return CountLine(
        kind=kind,
        name=name,
        total=len(rows),
        counts=tuple(column_keys.count(key) for key in keys),
        no_update=sum(judged[id(row)][1] for row in rows),
    )


def _no_update_this_round(row: PaperRow) -> bool:
    """An open action with nothing reported, or whose progress shown is from an earlier round."""
    return not row.status and (not row.has_update or bool(row.earlier_round))


def _is_overdue(row: PaperRow, as_of) -> bool:
    """Open with its target date before the paper's as-of date: judged on that date, not the day it is read."""
    return not row.status and row.target_on is not None and row.target_on < as_of


def _exception_levels(paper: Paper) -> dict[str, str]:
    """The levels the board marked "is an exception" (Red on RAG; "3 Slipped" and "4 Not achieved" on 1 to 4)."""
    return {entry.value: entry.label for entry in paper.key_entries if entry.is_exception and entry.value}


def _exceptions(paper: Paper, rows: list[PaperRow]) -> tuple[Flagged, ...]:
    levels = _exception_levels(paper)
    flagged = []
    for row in rows:
        reasons = _reasons(row, paper, levels)
        if reasons:
            words = row.text.split()
            # Truncator only for a text it would cut: most actions are shorter, and it cost 30 µs an action.
            text = " ".join(words)
            if len(words) > _ACTION_WORDS:
                text = Truncator(text).words(_ACTION_WORDS)
            flagged.append(Flagged(row.ref, text, "; ".join(row.lead_lines), tuple(reasons)))
    return tuple(flagged)


def _reasons(row: PaperRow, paper: Paper, levels: dict[str, str]) -> list[str]:
    reasons = []
    if row.rag in levels:
        reasons.append(f"Rated {row.rag_label}")
    if _is_overdue(row, paper.as_of):
        reasons.append(f"Overdue: target {format_target(row.target_on, row.target_is_month)}")
    if _no_update_this_round(row):
        reasons.append(NO_UPDATE_THIS_ROUND + (f" (latest from {row.earlier_round})" if row.earlier_round else ""))
    reasons.extend(change for change in row.changes if change.startswith(TARGET_SLIPPED))
    return reasons


def _listed_for(paper: Paper, rows: list[PaperRow]) -> str:
    """What puts an action on the list, naming only what this paper can judge.

    A paper whose rows carry no target dates (one published before they did) is not judged overdue, and one with no
    earlier publication has no slips to show.
    """
    reasons = []
    levels = _exception_levels(paper)
    if levels:
        reasons.append(f"rated {in_words(levels.values(), 'or')}")
    if any(row.target_on for row in rows):
        reasons.append(f"past their target date at {long_date(paper.as_of)}")
    reasons.append("with no update this round")
    if paper.changes:
        reasons.append(f"whose target slipped since the report published on {long_date(paper.changes.since)}")
    # Semicolons, as "rated 3 Slipped or 4 Not achieved" may hold an "or" of its own.
    listed = "; ".join(reasons[:-1]) + "; or " + reasons[-1] if len(reasons) > 1 else reasons[0]
    return f"{plural(paper.action_name)} {listed}."


def _note(paper: Paper) -> str:
    actions = in_sentence(plural(paper.action_name))
    no_update = (
        f"“{NO_UPDATE_THIS_ROUND}” counts the open {actions} whose progress is from an earlier round or who have none."
    )
    if not _rated(paper):
        return no_update
    action = in_sentence(paper.action_name)
    return f"Each {action} counts under its latest rating, which may be from an earlier round. {no_update}"


def _caption(paper: Paper) -> str:
    what = "Ratings" if _rated(paper) else "Updates"
    if paper.shows_objectives:
        return f"{what} by {in_sentence(paper.aim_name)} and {in_sentence(paper.objective_name)}"
    if paper.shows_aims:
        return f"{what} by {in_sentence(paper.aim_name)}"
    return f"{what} of all {in_sentence(plural(paper.action_name))}"


def _name_heading(paper: Paper) -> str:
    if paper.shows_objectives:
        return f"{paper.aim_name} or {in_sentence(paper.objective_name)}"
    return paper.aim_name if paper.shows_aims else "Business plan"
