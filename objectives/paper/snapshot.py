"""The committee paper as plain data: built from the live report, saved as JSON, read back unchanged."""

from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from functools import cache
from types import UnionType
from typing import get_args, get_origin, get_type_hints

from core import rating
from core.formats import long_date, plural

from ..models.shapes import plural as plural_name
from .covering import CoveringPaper
from .indicators import PaperIndicator

# Bumped when the snapshot's shape changes, so an old publication can still be read.
SCHEMA = 1

# Rows with less text than this are kept on one printed page; longer ones may split across pages
# rather than leave half a page blank or be cut off.
_KEEP_TOGETHER_CHARACTERS = 900

NONE_NAMED = "None named"
# What a snapshot published before plans had shapes and columns printed: a tree, Ref / Action / progress.
LEGACY_COLUMNS = ("ref", "action", "progress")


@dataclass(frozen=True)
class PaperRow:
    ref: str
    text: str
    lead_agencies: tuple[str, ...]
    target: str
    # The action's status when it is no longer open, such as "Withdrawn"; empty while open.
    status: str
    # Empty when nothing has been reported yet.
    rag: str
    rag_label: str
    progress: str
    impact: str
    # The label of the earlier round the progress comes from; empty when it is this round's.
    earlier_round: str
    # In words, such as "New action" or "RAG changed from Amber to Green".
    changes: tuple[str, ...] = ()
    # None in a case review or CDOP row published before those rows carried their action.
    action_id: int | None = None
    # Fields below came with plans of every shape and scale; their defaults read older snapshots as they were.
    responsibility: str = ""
    lead_officer: str = ""
    # `target` is the whole target in words (date, slips and timescale); these are its parts.
    timescale: str = ""
    original_target: str = ""
    times_slipped: int = 0
    success_measure: str = ""
    # Whether the round had an update to show; None in older snapshots, where a blank RAG meant none.
    reported: bool | None = None
    # The rating's badge class and colours on the plan's scale; "" in older snapshots (RAG's then).
    rating_class: str = ""
    rating_fill: str = ""
    rating_text: str = ""
    # The target date itself, for judging "overdue" at the paper's as-of date; None in older snapshots (and for an
    # action with no date), which are then not judged.
    target_on: date | None = None
    target_is_month: bool = False

    @property
    def has_update(self) -> bool:
        return self.reported if self.reported is not None else bool(self.rag)

    @property
    def badge_class(self) -> str:
        return self.rating_class or rating.rating(self.rag).css_class

    @property
    def badge_colours(self) -> tuple[str, str]:
        """The badge's fill and text colours, for Word, which has no stylesheet."""
        if self.rating_fill:
            return self.rating_fill, self.rating_text
        shown = rating.rating(self.rag)
        return shown.fill, shown.text

    @property
    def lead_lines(self) -> tuple[str, ...]:
        """The Responsibility or lead column: whichever of responsibility, lead agencies and lead officer are set."""
        lines = [self.responsibility, ", ".join(self.lead_agencies)]
        if self.lead_officer:
            lines.append(f"Lead officer: {self.lead_officer}")
        return tuple(line for line in lines if line) or (NONE_NAMED,)

    @property
    def lead_notes(self) -> tuple[str, ...]:
        """The same under the action, when the table has no column for it."""
        notes = []
        if self.responsibility:
            notes.append(f"Responsibility: {self.responsibility}")
        if self.lead_agencies:
            notes.append(f"Lead: {', '.join(self.lead_agencies)}")
        if self.lead_officer:
            notes.append(f"Lead officer: {self.lead_officer}")
        return tuple(notes) or ("Lead: none named",)

    @property
    def keep_together(self) -> bool:
        return len(self.text) + len(self.progress) + len(self.impact) < _KEEP_TOGETHER_CHARACTERS


@dataclass(frozen=True)
class PaperObjective:
    ref: str
    title: str
    rows: tuple[PaperRow, ...]
    # Its performance indicators as of the paper's date; none in snapshots published before there were any.
    indicators: tuple[PaperIndicator, ...] = ()


@dataclass(frozen=True)
class PaperAim:
    # Text as the board typed it ("1a"); a whole number in snapshots published before.
    number: str
    title: str
    objectives: tuple[PaperObjective, ...]
    strategic_lead: str = ""

    @property
    def rows(self) -> list[PaperRow]:
        return [row for objective in self.objectives for row in objective.rows]

    @property
    def indicators(self) -> tuple[PaperIndicator, ...]:
        """Its objectives' indicators, each once: where the plan has no objectives to print them under."""
        return _once(indicator for objective in self.objectives for indicator in objective.indicators)


def _once(indicators) -> tuple[PaperIndicator, ...]:
    return tuple({indicator.name: indicator for indicator in indicators}.values())


@dataclass(frozen=True)
class PaperSection:
    """A later part of the paper (case reviews, CDOP, training): its kind says how to render its data."""

    kind: str
    title: str
    data: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ChangeSummary:
    since: date
    new_actions: int
    rag_changes: int
    new_progress: int
    # "RAG" on the RAG scale (and in every summary published before plans had scales), else "rating".
    rating_word: str = "RAG"

    @property
    def sentence(self) -> str:
        counts = [
            _count(self.new_actions, "new action"),
            _count(self.rag_changes, f"{self.rating_word} change"),
            _count(self.new_progress, "new progress text"),
        ]
        nothing = f"no new actions, {self.rating_word} changes or new progress"
        said = ", ".join(count for count in counts if count) or nothing
        return f"Since the report published on {long_date(self.since)}: {said}."


@dataclass(frozen=True)
class Paper:
    board_name: str
    committee_name: str
    plan_title: str
    round_label: str
    as_of: date
    produced_on: date
    author: str
    aims: tuple[PaperAim, ...]
    sections: tuple[PaperSection, ...] = ()
    changes: ChangeSummary | None = None
    # The plan's shape, names, columns and rating key as they were when the paper was made. The defaults are
    # what every paper printed before plans had them, so older snapshots read and render as they did.
    shape: str = "tree"
    aim_name: str = "Aim"
    objective_name: str = "Objective"
    action_name: str = "Action"
    columns: tuple[str, ...] = LEGACY_COLUMNS
    # "" in older snapshots, whose progress column was headed with the round's label.
    progress_heading: str = ""
    # None in older snapshots (the RAG key); empty for a plan that rates nothing.
    key: tuple[rating.Rating, ...] | None = None
    key_title: str = "RAG key"
    # False when no row carries a badge, so no key is printed; older snapshots always printed theirs.
    shows_key: bool = True
    # The round's covering report; None when it has none, as in every snapshot published before there were any.
    covering: CoveringPaper | None = None

    @property
    def title(self) -> str:
        if self.covering:
            return self.covering.title
        return f"Business plan {self.plan_title}: {self.round_label}"

    @property
    def appendix_title(self) -> str:
        """The plan table's heading when a covering report comes first: the table is then its appendix."""
        return f"Appendix – Business plan {self.plan_title}: {self.round_label}"

    @property
    def rating_word(self) -> str:
        """What a change of rating is called: "RAG" on the RAG scale, as papers always said; else "rating"."""
        return "RAG" if self.key_title == "RAG key" else "rating"

    @property
    def progress_column_heading(self) -> str:
        return self.progress_heading or self.round_label

    @property
    def key_entries(self) -> tuple[rating.Rating, ...]:
        return rating.PALETTE if self.key is None else self.key

    @property
    def printed_key(self) -> tuple[rating.Rating, ...]:
        """The key as the paper prints it: the scale's entries, or nothing when no row has a badge to explain."""
        return self.key_entries if self.shows_key else ()

    @property
    def is_rated(self) -> bool:
        return bool(self.key_entries)

    @property
    def shows_aims(self) -> bool:
        return self.shape != "list"

    @property
    def shows_objectives(self) -> bool:
        return self.shape == "tree"

    @property
    def objective_label(self) -> str:
        # "Obj 1.1", as papers have always printed it, unless the board calls objectives something else.
        return "Obj" if self.objective_name == "Objective" else self.objective_name

    def none_of(self, name: str) -> str:
        """ "No objectives", "No recommendations": an empty level in the plan's own words."""
        return f"No {plural_name(name).lower()}"

    @property
    def rows(self) -> list[PaperRow]:
        return [row for aim in self.aims for objective in aim.objectives for row in objective.rows]

    @property
    def indicators(self) -> tuple[PaperIndicator, ...]:
        """Every objective's indicators, each once: what a list plan prints under its one table."""
        return _once(indicator for aim in self.aims for indicator in aim.indicators)


def _count(number: int, noun: str) -> str:
    # Nothing of a kind is left out of the sentence rather than counted as "0".
    return "" if number == 0 else plural(number, noun)


def to_snapshot(paper: Paper) -> dict:
    """The paper as JSON-ready data: what a publication stores and the next one is compared with."""
    return {"schema": SCHEMA, **to_data(paper)}


def from_snapshot(data: dict) -> Paper:
    """Read a stored snapshot back into the paper it was made from."""
    if data.get("schema") != SCHEMA:
        raise ValueError(f"Cannot read a report snapshot of schema {data.get('schema')!r}; expected {SCHEMA}.")
    return from_data(Paper, data)


def to_data(part) -> dict:
    """A paper, or any dataclass in it, as JSON-ready data: one key per field, dates as ISO text, tuples as lists.

    Walked by hand rather than by `dataclasses.asdict`, which deep-copies every value: a download looks its file up
    by this data's hash, and for a paper of 200 actions asdict took longer than everything else the download does.
    """
    return {name: _json_ready(getattr(part, name)) for name in _field_names(type(part))}


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(item.name for item in fields(kind))


def _json_ready(value):
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_json_ready(item) for item in value]
    if isinstance(value, dict):
        return {key: _json_ready(item) for key, item in value.items()}
    if is_dataclass(value):
        return to_data(value)
    return value


def from_data(kind: type, data: dict):
    """The dataclass `kind` read back from to_data(), nested dataclasses and all.

    Read from the dataclass's own fields, so a field added with a default still reads older snapshots; keys the
    class no longer has (a case review row's stored "keep_together") are passed over.
    """
    return kind(**{name: _read(hint, data[name]) for name, hint in _field_hints(kind) if name in data})


# Worked out once a class and once a type hint: reading a 1,000-action snapshot (as every paper does to mark what
# changed since the last publication) asked typing for each of 5,000 rows' hints and took 90 ms.
@cache
def _field_hints(kind: type) -> tuple[tuple[str, object], ...]:
    hints = get_type_hints(kind)
    return tuple((item.name, hints[item.name]) for item in fields(kind))


@cache
def _hint_shape(hint) -> tuple[str, object]:
    if is_dataclass(hint):
        return "dataclass", hint
    if hint is date:
        return "date", None
    arguments = [argument for argument in get_args(hint) if argument is not type(None)]
    if get_origin(hint) is tuple:
        return "tuple", arguments[0]
    if isinstance(hint, UnionType):
        return "union", arguments[0]
    return "plain", None


def _read(hint, value):
    if value is None:
        return None
    shape, inner = _hint_shape(hint)
    if shape == "dataclass":
        return from_data(inner, value)
    if shape == "date":
        return date.fromisoformat(value)
    if shape == "tuple":
        return tuple(_read(inner, item) for item in value)
    if shape == "union":
        return _read(inner, value)
    return value
