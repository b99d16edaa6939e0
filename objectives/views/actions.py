"""Actions: the filtered list, an action's page with its progress and history, and its forms."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import groupby

from django.apps import apps
from django.db.models import ForeignKey
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.views.generic import CreateView, DetailView, UpdateView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from core.formats import display_name, long_date, long_datetime

from .. import action_sources, services
from ..filters import ActionFilter
from ..forms import ActionForm
from ..models import Action, Objective, ProgressRound, ProgressUpdate
from ..tables import ActionTable
from .plans import FormPageMixin, RoleRequiredMixin, next_ref, plan_crumbs
from .versioned import VersionedSaveMixin

State = ProgressUpdate.State


class ActionListView(RoleRequiredMixin, SingleTableMixin, FilterView):
    permission_required = "objectives.view_action"
    table_class = ActionTable
    filterset_class = ActionFilter
    template_name = "objectives/action_list.html"
    table_pagination = {"per_page": 25}

    def get_queryset(self):
        # Newest plan first, then natural ref order, until the user sorts by a column.
        return Action.objects.visible_to(self.request.user).for_table().order_by("-plan__starts_on", "sort_key", "pk")


@dataclass
class TimelineEntry:
    """One round on an action's page: its update if this person may see it, and what they may do with it."""

    progress_round: ProgressRound
    update: ProgressUpdate | None
    can_edit: bool
    can_review: bool


class ActionDetailView(RoleRequiredMixin, DetailView):
    permission_required = "objectives.view_action"
    template_name = "objectives/action_detail.html"
    context_object_name = "action"

    def get_queryset(self):
        return (
            Action.objects.visible_to(self.request.user)
            .select_related("objective__aim", "plan")
            .prefetch_related("lead_agencies")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, action = self.request.user, self.object
        is_manager = services.is_board_manager(user)
        # Whoever may write this action's progress may also see its drafts; everyone else sees accepted progress.
        can_write = is_manager or Action.objects.editable_by(user).filter(pk=action.pk).exists()
        rounds = list(ProgressRound.objects.filter(plan_id=action.plan_id).order_by("-as_of"))
        visible = ProgressUpdate.objects.visible_to(user).filter(action=action)
        updates = {
            update.round_id: update
            for update in visible.select_related("author", "submitted_by", "accepted_by").order_by()
        }
        context["timeline"] = [
            _timeline_entry(progress_round, updates.get(progress_round.pk), can_write, is_manager)
            for progress_round in rounds
        ]
        context["can_write"] = can_write
        # A review's or the panel's action says where it comes from; a plan action has its objective instead.
        context["source"] = action_sources.source_of(action, user=user)
        context["history"] = change_history(action, rounds, show_drafts=can_write)
        context["breadcrumbs"] = action_trail(action)
        return context


def _timeline_entry(progress_round, update, can_write: bool, is_manager: bool) -> TimelineEntry:
    is_open = can_write and not progress_round.is_closed
    editable_state = update is None or is_manager or update.state in (State.DRAFT, State.RETURNED)
    return TimelineEntry(
        progress_round=progress_round,
        update=update,
        can_edit=is_open and editable_state,
        can_review=is_open and is_manager and update is not None and update.state == State.SUBMITTED,
    )


class ActionCreateView(RoleRequiredMixin, FormPageMixin, CreateView):
    permission_required = "objectives.add_action"
    form_class = ActionForm
    submit_label = "Add action"
    success_message = "{object} added."

    # Looked up after the permission check, so a refused visitor learns nothing about the objective.
    @cached_property
    def objective(self):
        return get_object_or_404(Objective.objects.alive().select_related("plan"), pk=self.kwargs["objective_pk"])

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

    def form_valid(self, form):
        response = super().form_valid(form)
        form.warn_writer(self.request)
        return response


class ActionUpdateView(RoleRequiredMixin, VersionedSaveMixin, FormPageMixin, UpdateView):
    permission_required = "objectives.change_action"
    form_class = ActionForm
    template_name = "objectives/action_form.html"
    success_message = "{object} saved."

    def get_queryset(self):
        return Action.objects.visible_to(self.request.user).select_related("objective", "plan")

    def get_heading(self):
        return f"Edit action {self.object.ref}"

    def get_breadcrumbs(self):
        return action_crumbs(self.object)

    def save_form(self, form):
        return services.save_action(form=form, expected_version=form.cleaned_data["version"])


def action_trail(action: Action) -> list[tuple[str, str]]:
    """The breadcrumbs above an action's page: its plan, or the action list for actions outside a plan."""
    return plan_crumbs(action.plan) if action.plan else [("Actions", reverse("objectives:action_list"))]


def action_crumbs(action: Action) -> list[tuple[str, str]]:
    """The breadcrumbs above a page about one action, such as its progress form."""
    return [*action_trail(action), (str(action), action.get_absolute_url())]


# Change history: who changed what, read from django-simple-history in a fixed number of queries.

_VERBS = {"+": "added", "~": "changed", "-": "deleted"}
_SAME_EDIT = timedelta(seconds=2)
# What a new row is shown with: the fields a person wrote, not the ones the system keeps.
_ADDED_FIELDS = {
    Action: ["ref", "text", "target_on", "target_is_month", "status"],
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
    action_records = list(action.history.select_related("history_user").order_by("history_date", "history_id"))
    update_history = ProgressUpdate.history.filter(action_id=action.pk)
    if not show_drafts:
        update_history = update_history.filter(state=State.ACCEPTED)
    update_records = list(update_history.select_related("history_user").order_by("id", "history_date", "history_id"))
    round_labels = {progress_round.pk: progress_round.label for progress_round in rounds}
    agencies = _lead_agencies_by_record(action_records)
    lead_agencies = Action._meta.get_field("lead_agencies")

    raw = []
    for before, first, last in _edits(action_records, excluded=["lead_agencies"]):
        changes = _diff(before, first, last, excluded=["lead_agencies"])
        old, new = (agencies.get(record.history_id, "") if record else "" for record in (before, last))
        if old != new and (first.history_type == "~" or before is None):
            changes.append((lead_agencies, old, new))
        raw.append((first, f"Action {last.ref} {_VERBS[first.history_type]}", changes, False))
    for _, records in groupby(update_records, key=lambda record: record.id):
        for before, first, last in _edits(list(records), excluded=["action"]):
            label = round_labels.get(last.round_id, "a removed round")
            summary = f"Progress for {label} {_update_verb(before, first, last)}"
            # A submission, return or acceptance is worth a line even when no text changed.
            moved = before is None or before.state != last.state
            raw.append((first, summary, _diff(before, first, last, excluded=["action"]), moved))

    words = _Words(raw, round_labels)
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
        return [(field, None, getattr(last, field.attname)) for field in fields if getattr(last, field.attname)]
    delta = last.diff_against(before, excluded_fields=excluded)
    changes = [(model._meta.get_field(change.field), change.old, change.new) for change in delta.changes]
    return sorted(changes, key=lambda change: change[0].creation_counter)


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

    def __init__(self, raw, round_labels: dict[int, str]):
        self.round_labels = round_labels
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
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(value, bool):
            return "Yes" if value else "No"
        if isinstance(value, datetime):
            return long_datetime(value)
        if isinstance(value, date):
            return long_date(value)
        return str(value)
