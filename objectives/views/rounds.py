"""A progress round's page: where every action and agency stands; closing, reopening and reminding."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import DetailView

from core.formats import display_name, plural
from core.outcomes import reported, say_refused

from ..models import Action, Agency, ProgressRound
from ..models.shapes import level_words
from ..roles import is_agency_scoped
from ..selectors import rounds
from ..services import reminders
from ..services import rounds as round_services
from .plans import plan_crumbs, round_crumbs


class RoundDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "objectives.view_progressround"
    template_name = "objectives/round_detail.html"
    context_object_name = "progress_round"
    queryset = ProgressRound.objects.select_related("plan")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        # Contributors see their own agencies' part of the round; the manager and readers see all of it.
        if is_agency_scoped(user):
            own = set(user.agencies.values_list("pk", flat=True))
            status = rounds.round_status(self.object, actions=Action.objects.editable_by(user), agency_ids=own)
        else:
            status = rounds.round_status(self.object, actions=Action.objects.visible_to(user))
        context.update(
            status=status,
            states=rounds.STATES,
            own_agencies_only=is_agency_scoped(user),
            breadcrumbs=plan_crumbs(self.object.plan),
            level=level_words(self.object.plan),
        )
        context["waiting_agencies"] = [agency for agency in status.agencies if agency.outstanding]
        if user.has_perm("objectives.view_reminderlog"):
            # Who was reminded, when and by whom: the newest first, with each person's agencies.
            sent = self.object.reminders.select_related("user", "sent_by").prefetch_related("user__agencies")
            context["reminders_sent"] = sent.order_by("-sent_at", "-pk")
        return context


@permission_required("objectives.change_progressround", raise_exception=True)
@require_http_methods(["GET", "POST"])
def close_round(request, pk):
    progress_round = get_object_or_404(ProgressRound.objects.select_related("plan"), pk=pk)
    # Closing freezes every update, so the manager first sees how many actions would be left without progress.
    if request.method == "GET":
        status = rounds.round_status(progress_round, actions=Action.objects.visible_to(request.user))
        context = {
            "progress_round": progress_round,
            "status": status,
            "level": level_words(progress_round.plan),
            "breadcrumbs": round_crumbs(progress_round),
        }
        return render(request, "objectives/round_close.html", context)
    with reported(request, f"{progress_round.label} closed: its progress is now read-only."):
        round_services.close_round(progress_round=progress_round, closed_by=request.user)
    return redirect("objectives:round_detail", pk=pk)


@permission_required("objectives.change_progressround", raise_exception=True)
@require_POST
def reopen_round(request, pk):
    progress_round = get_object_or_404(ProgressRound, pk=pk)
    with reported(request, f"{progress_round.label} reopened: agencies can write and submit progress again."):
        round_services.reopen_round(progress_round=progress_round, reopened_by=request.user)
    return redirect("objectives:round_detail", pk=pk)


@permission_required("objectives.review_progressupdate", raise_exception=True)
@require_POST
def remind_agency(request, pk, agency_pk):
    progress_round = get_object_or_404(ProgressRound, pk=pk)
    agency = get_object_or_404(Agency, pk=agency_pk)
    return _remind(request, progress_round, f" at {agency}", reminders.remind_agency, agency=agency)


@permission_required("objectives.review_progressupdate", raise_exception=True)
@require_POST
def remind_late_agencies(request, pk):
    progress_round = get_object_or_404(ProgressRound, pk=pk)
    return _remind(request, progress_round, "", reminders.remind_late_agencies)


def _remind(request, progress_round: ProgressRound, where: str, remind, **about):
    """Send the manager's reminders and say who got them, or why nobody could be reminded."""
    try:
        run = remind(
            progress_round=progress_round, sent_by=request.user, base_url=request.build_absolute_uri("/"), **about
        )
    except ValidationError as error:
        say_refused(request, error)
        return redirect("objectives:round_detail", pk=progress_round.pk)
    if run.sent:
        names = ", ".join(display_name(reminder.user) for reminder in run.sent)
        people = plural(len(run.sent), "person", "people")
        messages.success(request, f"Reminder e-mailed to {people}{where}: {names}.")
    if run.failed:
        addresses = ", ".join(reminder.user.email for reminder in run.failed)
        messages.error(request, f"The reminder could not be e-mailed to {addresses}. Try again later.")
    return redirect("objectives:round_detail", pk=progress_round.pk)
