"""An action's change history: who changed what, read from django-simple-history in a fixed number of queries."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import groupby

from django.apps import apps
from django.db.models import ForeignKey
from django.utils.text import capfirst

from core.formats import display_name, long_date, long_datetime
from core.rating import RAG, Scale

from ..dates import format_target
from ..models import Action, ProgressRound, ProgressUpdate

State = ProgressUpdate.State


_VERBS = {"+": "added", "~": "changed", "-": "deleted"}
_SAME_EDIT = timedelta(seconds=2)
# What a new row is shown with: the fields a person wrote, not the ones the system keeps.
_ADDED_FIELDS = {
    Action: [
        "ref",
        "text",
        "responsibility",
        "lead_officer",
        "target_on",
        "target_is_month",
        "timescale",
        "success_measure",
        "status",
    ],
    ProgressUpdate: ["rag", "progress", "impact", "submitted_by", "submitted_at", "accepted_by", "accepted_at"],
}


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: datetime
    who: str
    summary: str
    changes: list[Change]


def change_history(action: Action, rounds: list[ProgressRound], *, show_drafts: bool) -> list[HistoryEntry]:
    """Every recorded change to the action and the progress updates this person may see, newest first.

    Without `show_drafts` only accepted versions of progress count, so another agency's drafts, and the
    words the board manager changed before accepting, are not shown to them here.
    """
    round_labels = {progress_round.pk: progress_round.label for progress_round in rounds}
    raw = [*_action_edits(action), *_update_edits(action, round_labels, show_drafts=show_drafts)]
    # Ratings in the words of the action's plan's scale (RAG for an action of no plan).
    words = _Words(raw, round_labels, action.plan.scale if action.plan_id else RAG)
    entries = [
        HistoryEntry(
            when=first.history_date,
            who=display_name(first.history_user, missing="Unknown"),
            summary=summary,
            changes=[Change(words.label(field), words(field, old), words(field, new)) for field, old, new in changes],
        )
        for first, summary, changes, moved in raw
        if first.history_type != "~" or changes or moved
    ]
    return sorted(entries, key=lambda entry: entry.when, reverse=True)


def _action_edits(action: Action) -> list[tuple]:
    """(first record, summary, changes, moved) of each edit of the action itself."""
    records = list(action.history.select_related("history_user").order_by("history_date", "history_id"))
    agencies = _lead_agencies_by_record(records)
    lead_agencies = Action._meta.get_field("lead_agencies")
    raw = []
    for before, first, last in _edits(records, excluded=["lead_agencies"]):
        changes = _diff(before, first, last, excluded=["lead_agencies"])
        old, new = (agencies.get(record.history_id, "") if record else "" for record in (before, last))
        if old != new and (first.history_type == "~" or before is None):
            changes.append((lead_agencies, old, new))
        name = action.plan.action_name if action.plan_id else "Action"
        raw.append((first, f"{name} {last.ref} {_VERBS[first.history_type]}", changes, False))
    return raw


def _update_edits(action: Action, round_labels: dict[int, str], *, show_drafts: bool) -> list[tuple]:
    """(first record, summary, changes, moved) of each edit of the action's progress updates."""
    history = ProgressUpdate.history.filter(action_id=action.pk)
    if not show_drafts:
        history = history.filter(state=State.ACCEPTED)
    records = list(history.select_related("history_user").order_by("id", "history_date", "history_id"))
    raw = []
    for _, update_records in groupby(records, key=lambda record: record.id):
        for before, first, last in _edits(list(update_records), excluded=["action"]):
            label = round_labels.get(last.round_id, "a removed round")
            summary = f"Progress for {label} {_update_verb(before, first, last)}"
            # A submission, return or acceptance is worth a line even when no text changed.
            moved = before is None or before.state != last.state
            raw.append((first, summary, _diff(before, first, last, excluded=["action"]), moved))
    return raw


def _update_verb(before, first, last) -> str:
    """What an edit did to a progress update, in words: "submitted", "returned with comment: …"."""
    old_state = before.state if before else None
    if last.state == old_state or (first.history_type == "+" and last.state == State.DRAFT):
        return _VERBS[first.history_type]
    if last.state == State.SUBMITTED:
        verb = "resubmitted" if old_state == State.RETURNED else "submitted"
    elif last.state == State.RETURNED:
        verb = f"returned with comment: {last.return_comment}"
    elif last.state == State.ACCEPTED:
        verb = "accepted"
    else:
        verb = "changed"
    return f"added and {verb}" if first.history_type == "+" else verb


def _edits(records, *, excluded) -> list[list]:
    """[record before, first record, last record] of each edit of one object, oldest first.

    Saving a form writes the action and then its lead agencies one change at a time; records that
    only change lead agencies, by the same person moments later, belong to the edit before them.
    """
    edits = []
    for record in records:
        last = edits[-1][2] if edits else None
        if (
            last is not None
            and record.history_type == "~"
            and last.history_type != "-"
            and record.history_user_id == last.history_user_id
            and record.history_date - last.history_date <= _SAME_EDIT
            and not record.diff_against(last, excluded_fields=excluded).changes
        ):
            edits[-1][2] = record
        else:
            edits.append([last, record, record])
    return edits


def _diff(before, first, last, *, excluded) -> list[tuple]:
    """(model field, old value, new value) for each field an edit changed, in the form's order.

    A new row, or the first version this person may see, shows what it was written with.
    """
    model = last.instance_type
    if first.history_type == "-":
        return []
    if before is None:
        fields = [model._meta.get_field(name) for name in _ADDED_FIELDS.get(model, [])]
        changes = [(field, None, getattr(last, field.attname)) for field in fields if getattr(last, field.attname)]
    else:
        delta = last.diff_against(before, excluded_fields=excluded)
        changes = [(model._meta.get_field(change.field), change.old, change.new) for change in delta.changes]
    changes = [_as_month(change, before, last) for change in changes]
    return sorted(changes, key=lambda change: change[0].creation_counter)


# A target date and the flag saying it is a month only, read together: "March 2026", not "31 March 2026".
_MONTH_FLAGS = {"target_on": "target_is_month", "original_target_on": "original_target_is_month"}


def _as_month(change: tuple, before, last) -> tuple:
    field, old, new = change
    flag = _MONTH_FLAGS.get(field.name)
    if flag is None:
        return change
    old_words = format_target(old, getattr(before, flag)) if old and before else old
    return field, old_words, format_target(new, getattr(last, flag)) if new else new


def _lead_agencies_by_record(records) -> dict[int, str]:
    """The lead agencies each historical action record held, read in one query."""
    through = apps.get_model("objectives", "HistoricalAction_lead_agencies")
    rows = through.objects.filter(history__in=[record.history_id for record in records]).select_related("agency")
    names: dict[int, list[str]] = {}
    for row in rows:
        names.setdefault(row.history_id, []).append(str(row.agency) if row.agency else "a removed agency")
    return {history_id: ", ".join(sorted(agencies)) for history_id, agencies in names.items()}


class _Words:
    """Raw history values in words: choices, yes/no, dates and times, and names for foreign keys."""

    def __init__(self, raw, round_labels: dict[int, str], scale: Scale):
        self.round_labels = round_labels
        self.scale = scale
        wanted: dict[type, set] = {}
        for _, _, changes, _ in raw:
            for field, old, new in changes:
                if isinstance(field, ForeignKey) and field.related_model is not ProgressRound:
                    wanted.setdefault(field.related_model, set()).update({old, new} - {None})
        # One query per related model that actually changed, never one per row.
        self.found = {model: model._default_manager.in_bulk(ids) for model, ids in wanted.items()}

    @staticmethod
    def label(field) -> str:
        return capfirst(field.verbose_name)

    def __call__(self, field, value) -> str:
        if value is None or value == "":
            return ""
        if isinstance(field, ForeignKey):
            if field.related_model is ProgressRound:
                return self.round_labels.get(value, "a removed round")
            related = self.found[field.related_model].get(value)
            if related is None:
                return "(removed)"
            return display_name(related) if hasattr(related, "get_username") else str(related)
        if field.model is ProgressUpdate and field.name == "rag":
            return self.scale.label(value)
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(value, bool):
            return "Yes" if value else "No"
        if isinstance(value, datetime):
            return long_datetime(value)
        if isinstance(value, date):
            return long_date(value)
        return str(value)
