"""Actions: the filtered list, an action's page with its progress and history, and its forms."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import groupby

from django.apps import apps
from django.db.models import ForeignKey
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.text import capfirst
from django.views.generic import CreateView, DetailView, UpdateView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from ..filters import ActionFilter
from ..forms import ActionForm
from ..models import Action, Objective, ProgressRound, ProgressUpdate
from ..tables import ActionTable
from .plans import FormPageMixin, next_ref, plan_crumbs


class ActionListView(SingleTableMixin, FilterView):
    table_class = ActionTable
    filterset_class = ActionFilter
    template_name = "objectives/action_list.html"
    table_pagination = {"per_page": 25}

    def get_queryset(self):
        # Newest plan first, then natural ref order, until the user sorts by a column.
        return Action.objects.for_table().order_by("-plan__starts_on", "sort_key", "pk")


class ActionDetailView(DetailView):
    template_name = "objectives/action_detail.html"
    context_object_name = "action"
    queryset = Action.objects.select_related("objective__aim", "plan").prefetch_related("lead_agencies")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        action = self.object
        rounds = list(ProgressRound.objects.filter(plan_id=action.plan_id).order_by("-as_of"))
        updates = {update.round_id: update for update in action.progress_updates.select_related("author").order_by()}
        context["timeline"] = [(progress_round, updates.get(progress_round.pk)) for progress_round in rounds]
        context["history"] = change_history(action, rounds)
        context["breadcrumbs"] = action_trail(action)
        return context


class ActionCreateView(FormPageMixin, CreateView):
    form_class = ActionForm
    submit_label = "Add action"
    success_message = "{object} added."

    def dispatch(self, request, *args, **kwargs):
        self.objective = get_object_or_404(Objective.objects.select_related("plan"), pk=kwargs["objective_pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Action(objective=self.objective, plan=self.objective.plan)
        return kwargs

    def get_initial(self):
        return {"ref": next_ref(self.objective.ref, self.objective.actions.values_list("ref", flat=True))}

    def get_heading(self):
        return f"New action under objective {self.objective.ref}"

    def get_breadcrumbs(self):
        return plan_crumbs(self.objective.plan)

    def get_cancel_url(self):
        return self.objective.get_absolute_url()


class ActionUpdateView(FormPageMixin, UpdateView):
    form_class = ActionForm
    queryset = Action.objects.select_related("objective", "plan")
    success_message = "{object} saved."

    def get_heading(self):
        return f"Edit action {self.object.ref}"

    def get_breadcrumbs(self):
        return action_crumbs(self.object)


def action_trail(action: Action) -> list[tuple[str, str]]:
    """The breadcrumbs above an action's page: its plan, or the action list for actions outside a plan."""
    return plan_crumbs(action.plan) if action.plan else [("Actions", reverse("objectives:action_list"))]


def action_crumbs(action: Action) -> list[tuple[str, str]]:
    """The breadcrumbs above a page about one action, such as its progress form."""
    return [*action_trail(action), (str(action), action.get_absolute_url())]


# Change history: who changed what, read from django-simple-history in a fixed number of queries.

_VERBS = {"+": "added", "~": "changed", "-": "deleted"}
_SAME_EDIT = timedelta(seconds=2)


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


def change_history(action: Action, rounds: list[ProgressRound]) -> list[HistoryEntry]:
    """Every recorded change to the action and its progress updates, newest first."""
    action_records = list(action.history.select_related("history_user").order_by("history_date", "history_id"))
    update_records = list(
        ProgressUpdate.history.filter(action_id=action.pk)
        .select_related("history_user")
        .order_by("id", "history_date", "history_id")
    )
    round_labels = {progress_round.pk: progress_round.label for progress_round in rounds}
    agencies = _lead_agencies_by_record(action_records)
    lead_agencies = Action._meta.get_field("lead_agencies")

    raw = []
    for before, first, last in _edits(action_records, excluded=["lead_agencies"]):
        changes = _diff(before, first, last, excluded=["lead_agencies"])
        old, new = (agencies.get(record.history_id, "") if record else "" for record in (before, last))
        if first.history_type == "~" and old != new:
            changes.append((lead_agencies, old, new))
        raw.append((first, f"Action {last.ref}", changes))
    for _, records in groupby(update_records, key=lambda record: record.id):
        for before, first, last in _edits(list(records), excluded=["action"]):
            label = round_labels.get(last.round_id, "a removed round")
            raw.append((first, f"Progress for {label}", _diff(before, first, last, excluded=["action"])))

    words = _Words(raw, round_labels)
    entries = [
        HistoryEntry(
            when=first.history_date,
            who=_person(first.history_user),
            summary=f"{subject} {_VERBS[first.history_type]}",
            changes=[Change(words.label(field), words(field, old), words(field, new)) for field, old, new in changes],
        )
        for first, subject, changes in raw
        if first.history_type != "~" or changes
    ]
    return sorted(entries, key=lambda entry: entry.when, reverse=True)


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
    """(model field, old value, new value) for each field an edit changed; none for additions and deletions."""
    if before is None or first.history_type != "~":
        return []
    delta = last.diff_against(before, excluded_fields=excluded)
    model = last.instance_type
    return [(model._meta.get_field(change.field), change.old, change.new) for change in delta.changes]


def _lead_agencies_by_record(records) -> dict[int, str]:
    """The lead agencies each historical action record held, read in one query."""
    through = apps.get_model("objectives", "HistoricalAction_lead_agencies")
    rows = through.objects.filter(history__in=[record.history_id for record in records]).select_related("agency")
    names: dict[int, list[str]] = {}
    for row in rows:
        names.setdefault(row.history_id, []).append(str(row.agency) if row.agency else "a removed agency")
    return {history_id: ", ".join(sorted(agencies)) for history_id, agencies in names.items()}


def _person(user) -> str:
    if user is None:
        return "Unknown"
    return user.get_full_name() or user.get_username()


class _Words:
    """Raw history values in words: choices, yes/no, dates, and names for foreign keys."""

    def __init__(self, raw, round_labels: dict[int, str]):
        self.round_labels = round_labels
        wanted: dict[type, set] = {}
        for _, _, changes in raw:
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
            return _person(related) if hasattr(related, "get_username") else str(related)
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(value, bool):
            return "Yes" if value else "No"
        if isinstance(value, date):
            return f"{value.day} {value:%B %Y}"
        return str(value)
