"""Writing one action's progress for one round, and the board manager's review of a submitted update."""

import copy

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView

from core.conflicts import ConflictError
from core.forms import add_service_error, form_after_conflict
from core.kept_text import KeepsTypedTextMixin

from ..forms import ProgressForm, ReviewForm
from ..models import Action, ProgressRound, ProgressUpdate
from ..roles import is_board_manager
from ..services import progress as services
from ..services import workflow
from .actions import action_crumbs

State = ProgressUpdate.State


class _UpdateFormMixin:
    """What the writer's page and the manager's review share: the saved update in the form, the same
    read-only rule, and a service's refusal or a stale version shown on the form."""

    update: ProgressUpdate | None
    action: Action
    progress_round: ProgressRound

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            update=self.update,
            action=self.action,
            progress_round=self.progress_round,
            read_only_reason=self._read_only_reason(),
            breadcrumbs=action_crumbs(self.action),
        )
        return context

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        # A copy, so the text shown as saved stays the saved text when the form is sent back with errors.
        kwargs["instance"] = copy.copy(self.update)
        # Rated on the plan's own scale (fetched with the action); RAG for an action of no plan.
        kwargs["scale"] = self.action.plan.scale if self.action.plan_id else None
        return kwargs

    def _read_only_reason(self) -> str:
        # A closed round makes the update read-only whatever its state and whoever asks.
        if self.progress_round.is_closed:
            return self.progress_round.closed_notice
        return self._open_round_reason()

    def _open_round_reason(self) -> str:
        """Why this person may not change the update while its round is open; empty if they may."""
        raise NotImplementedError

    def may_put_back_kept_text(self) -> bool:
        # Text kept through an ended session has no form to go back into once the update is read-only.
        return not self._read_only_reason()

    def _refused(self, form, write):
        """Run the service call `write`; the page showing its refusal, or None when it went through."""
        try:
            write()
        except ConflictError as conflict:
            self.update = conflict.saved
            return self.render_to_response(
                self.get_context_data(form=form_after_conflict(form, conflict.saved), conflict=conflict)
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        return None


class ProgressEditView(_UpdateFormMixin, PermissionRequiredMixin, KeepsTypedTextMixin, FormView):
    permission_required = "objectives.submit_progressupdate"
    form_class = ProgressForm
    template_name = "objectives/progress_form.html"

    # Looked up after the permission check; another agency's action is not found, so a POST changes nothing.
    # Its lead agencies are not prefetched: only the page shows them (one query either way), and a save that goes
    # through, as many requests as the page itself, never reads them.
    @cached_property
    def action(self) -> Action:
        actions = Action.objects.editable_by(self.request.user).select_related("objective", "plan__rating_scale")
        actions = actions.prefetch_related("plan__rating_scale__levels")
        return get_object_or_404(actions, pk=self.kwargs["pk"])

    @cached_property
    def progress_round(self) -> ProgressRound:
        # Only the rounds of the action's own plan: any other round is not found.
        progress_round = get_object_or_404(
            ProgressRound.objects.filter(plan_id=self.action.plan_id), pk=self.kwargs["round_pk"]
        )
        # That plan is the action's, fetched with its scale and levels: checking a save's rating asks nothing again.
        progress_round.plan = self.action.plan
        return progress_round

    @cached_property
    def update(self) -> ProgressUpdate | None:
        # Scoped by the action, found only among those this person may write, whose every update they may see:
        # ProgressUpdate.visible_to would add nothing but a second copy of that scope to build and run.
        updates = ProgressUpdate.objects.select_related("author", "submitted_by", "accepted_by")
        # Unordered: there is one, and the default ordering joins the action, round and plan to sort it.
        update = updates.filter(action=self.action, round=self.progress_round).order_by().first()
        if update is not None:
            # The page's own rows: the form's check of the rating reads the plan's scale from them, not again.
            update.action, update.round = self.action, self.progress_round
        return update

    @cached_property
    def last_round_update(self) -> ProgressUpdate | None:
        """The action's accepted update in the latest earlier round of its plan: what the writer builds on."""
        # Accepted progress of an action this person may write: visible to them, as to every reader.
        earlier = ProgressUpdate.objects.filter(
            action=self.action, state=State.ACCEPTED, round__as_of__lt=self.progress_round.as_of
        )
        return earlier.select_related("round").order_by("-round__as_of").first()

    @cached_property
    def is_manager(self) -> bool:
        return is_board_manager(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        read_only = context["read_only_reason"]
        buttons = [] if read_only else self._buttons()
        verb = "Progress" if read_only else "Edit progress" if self.update else "Write progress"
        context.update(
            is_manager=self.is_manager,
            buttons=buttons,
            can_accept=any(intent == "accept" for intent, _ in buttons),
            heading=f"{verb} for {self.progress_round.label}",
            last_round_update=None if read_only else self.last_round_update,
        )
        return context

    def _open_round_reason(self) -> str:
        if workflow.may_edit(self.request.user, self.update):
            return ""
        return workflow.edit_refusal(self.update)

    def _buttons(self) -> list[tuple[str, str]]:
        """(intent, label) of each button this person may press, the default first."""
        update = self.update
        is_draft = workflow.is_open_to_contributors(update)
        buttons = [("save", "Save draft" if is_draft else "Save changes")]
        if workflow.may_submit(self.request.user):
            buttons.append(("submit", "Submit to the board manager"))
        elif update is None or not workflow.acceptance_problem(update):
            buttons.append(("accept", "Save and accept"))
        return buttons

    def form_valid(self, form):
        intent = self.request.POST.get("intent", "save")
        # The manager accepts where a contributor submits; the service says why an acceptance is refused.
        if intent not in {"save", "submit" if workflow.may_submit(self.request.user) else "accept"}:
            form.add_error(None, "Choose one of the buttons below the form to save your progress.")
            return self.form_invalid(form)
        refused = self._refused(form, lambda: self._write(intent, form.cleaned_data))
        if refused is not None:
            return refused
        update = self.update
        done = {
            "submit": "submitted to the board manager",
            "accept": "accepted",
            "save": "saved as a draft" if workflow.is_open_to_contributors(update) else "saved",
        }
        messages.success(self.request, f"{self.progress_round.label}: progress for {self.action} {done[intent]}.")
        # Saved all the same: the writer is told, and the board manager sees the same warnings when reviewing.
        form.warn_writer(self.request)
        return redirect(self.action)

    def _write(self, intent: str, data: dict) -> None:
        """Call the workflow service the button asks for; the update it returns is the page's from now on."""
        # No rating field on a plan that rates nothing: its updates stay blank.
        fields = {"rag": data.get("rag", ""), "progress": data["progress"], "impact": data["impact"]}
        common = {"action": self.action, "progress_round": self.progress_round, "expected_version": data["version"]}
        if intent == "submit":
            self.update = services.submit_progress(author=self.request.user, **common, **fields)
        elif intent == "accept":
            self.update = services.save_and_accept_progress(manager=self.request.user, **common, **fields)
        else:
            self.update = services.save_progress(author=self.request.user, **common, **fields)


class ProgressReviewView(_UpdateFormMixin, PermissionRequiredMixin, KeepsTypedTextMixin, FormView):
    permission_required = "objectives.review_progressupdate"
    form_class = ReviewForm
    template_name = "objectives/progress_review.html"

    @cached_property
    def update(self) -> ProgressUpdate:
        # An update of a hidden action (or one under a hidden objective or aim) is not found.
        shown = Action.objects.not_hidden()
        updates = ProgressUpdate.objects.visible_to(self.request.user).filter(action__in=shown)
        updates = updates.select_related(
            "action__objective", "action__plan__rating_scale", "round", "author", "submitted_by", "accepted_by"
        ).prefetch_related("action__lead_agencies", "action__plan__rating_scale__levels")
        return get_object_or_404(updates, pk=self.kwargs["pk"])

    # The update's own, so a conflict that swaps in the saved row swaps these too.
    @property
    def action(self) -> Action:
        return self.update.action

    @property
    def progress_round(self) -> ProgressRound:
        return self.update.round

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            waiting=self._queue().count(),
            # The text as the agency saved it, so the warnings stay put while the manager edits.
            identifier_warnings=context["form"].identifier_warnings(self.update),
            heading=f"Review progress for {self.progress_round.label}",
        )
        return context

    def _open_round_reason(self) -> str:
        return workflow.review_note(self.update)

    def _queue(self):
        """The round's other submitted updates, in ref order: what the board manager reviews next."""
        submitted = ProgressUpdate.objects.filter(
            round_id=self.update.round_id, state=State.SUBMITTED, action__in=Action.objects.not_hidden()
        )
        return submitted.filter(~Q(pk=self.update.pk)).order_by("action__sort_key", "pk")

    def form_valid(self, form):
        intent = self.request.POST.get("intent")
        if intent not in {"accept", "return"}:
            form.add_error(None, "Choose Accept or Return to the agency.")
            return self.form_invalid(form)
        # The manager was shown the submitted text's warnings; only what their own edits brought in is news.
        already_shown = set(form.identifier_warnings(self.update))
        refused = self._refused(form, lambda: self._review(intent, form.cleaned_data))
        if refused is not None:
            return refused
        done = "accepted" if intent == "accept" else "returned to the agency"
        messages.success(self.request, f"{self.update.round.label}: progress for {self.update.action} {done}.")
        if intent == "accept":
            form.warn_writer(self.request, already_shown=already_shown)
        following = self._queue().first()
        if following is not None:
            return redirect("objectives:progress_review", following.pk)
        return redirect(reverse("objectives:round_detail", args=[self.update.round_id]))

    def _review(self, intent: str, data: dict) -> None:
        """Accept the update with the manager's edits, or return it with their comment."""
        common = {"update": self.update, "manager": self.request.user, "expected_version": data["version"]}
        if intent == "accept":
            services.accept_progress(
                **common, rag=data.get("rag", ""), progress=data["progress"], impact=data["impact"]
            )
        else:
            services.return_progress(**common, comment=data["return_comment"])
