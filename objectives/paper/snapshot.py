"""The committee paper as plain data: built from the live report, saved as JSON, read back unchanged."""

from dataclasses import asdict, dataclass, field, fields, is_dataclass
from datetime import date
from types import UnionType
from typing import get_args, get_origin, get_type_hints

from core import rating
from core.formats import long_date, plural

from ..selectors.report import ProgressReport, ReportRow

# Bumped when the snapshot's shape changes, so an old publication can still be read.
SCHEMA = 1

# Rows with less text than this are kept on one printed page; longer ones may split across pages
# rather than leave half a page blank or be cut off.
_KEEP_TOGETHER_CHARACTERS = 900


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

    @property
    def has_update(self) -> bool:
        return bool(self.rag)

    @property
    def rag_class(self) -> str:
        return rating.rating(self.rag).key

    @property
    def keep_together(self) -> bool:
        return len(self.text) + len(self.progress) + len(self.impact) < _KEEP_TOGETHER_CHARACTERS


@dataclass(frozen=True)
class PaperObjective:
    ref: str
    title: str
    rows: tuple[PaperRow, ...]


@dataclass(frozen=True)
class PaperAim:
    number: int
    title: str
    objectives: tuple[PaperObjective, ...]


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

    @property
    def sentence(self) -> str:
        counts = [
            _count(self.new_actions, "new action"),
            _count(self.rag_changes, "RAG change"),
            _count(self.new_progress, "new progress text"),
        ]
        said = ", ".join(count for count in counts if count) or "no new actions, RAG changes or new progress"
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

    @property
    def title(self) -> str:
        return f"Business plan {self.plan_title}: {self.round_label}"

    @property
    def rows(self) -> list[PaperRow]:
        return [row for aim in self.aims for objective in aim.objectives for row in objective.rows]


def _count(number: int, noun: str) -> str:
    # Nothing of a kind is left out of the sentence rather than counted as "0".
    return "" if number == 0 else plural(number, noun)


def paper_from_report(report: ProgressReport, *, author: str) -> Paper:
    """The live report as a paper, with every text and label the files show."""
    return Paper(
        board_name=report.board_name,
        committee_name=report.committee_name,
        plan_title=report.plan.title,
        round_label=report.progress_round.label,
        as_of=report.progress_round.as_of,
        produced_on=report.generated_on,
        author=author,
        aims=tuple(
            PaperAim(
                number=report_aim.aim.number,
                title=report_aim.aim.title,
                objectives=tuple(
                    PaperObjective(
                        ref=item.objective.ref, title=item.objective.title, rows=tuple(map(paper_row, item.rows))
                    )
                    for item in report_aim.objectives
                ),
            )
            for report_aim in report.aims
        ),
    )


def paper_row(row: ReportRow) -> PaperRow:
    """A report row as the paper shows it; the case review and CDOP sections draw their actions with it too."""
    update = row.update
    return PaperRow(
        action_id=row.action.pk,
        ref=row.action.ref,
        text=row.action.text,
        lead_agencies=tuple(agency.name for agency in row.lead_agencies),
        target=row.action.target_display,
        status=row.status_note,
        rag=update.rag if update else "",
        rag_label=rating.label(update.rag if update else None),
        progress=update.progress if update else "",
        impact=update.impact if update else "",
        earlier_round=update.round.label if update and row.is_from_earlier_round else "",
    )


def to_snapshot(paper: Paper) -> dict:
    """The paper as JSON-ready data: what a publication stores and the next one is compared with."""
    return {"schema": SCHEMA, **to_data(paper)}


def from_snapshot(data: dict) -> Paper:
    """Read a stored snapshot back into the paper it was made from."""
    if data.get("schema") != SCHEMA:
        raise ValueError(f"Cannot read a report snapshot of schema {data.get('schema')!r}; expected {SCHEMA}.")
    return from_data(Paper, data)


def to_data(part) -> dict:
    """A paper, or any dataclass in it, as JSON-ready data: one key per field, dates as ISO text, tuples as lists."""
    return asdict(part, dict_factory=lambda pairs: {name: _json_ready(value) for name, value in pairs})


def _json_ready(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_json_ready(item) for item in value]
    return value


def from_data(kind: type, data: dict):
    """The dataclass `kind` read back from to_data(), nested dataclasses and all.

    Read from the dataclass's own fields, so a field added with a default still reads older snapshots; keys the
    class no longer has (a case review row's stored "keep_together") are passed over.
    """
    hints = get_type_hints(kind)
    return kind(**{item.name: _read(hints[item.name], data[item.name]) for item in fields(kind) if item.name in data})


def _read(hint, value):
    if value is None:
        return None
    if is_dataclass(hint):
        return from_data(hint, value)
    if hint is date:
        return date.fromisoformat(value)
    arguments = [argument for argument in get_args(hint) if argument is not type(None)]
    if get_origin(hint) is tuple:
        return tuple(_read(arguments[0], item) for item in value)
    if isinstance(hint, UnionType):
        return _read(arguments[0], value)
    return value
