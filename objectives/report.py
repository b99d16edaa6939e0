"""The committee progress report: a plan's aims, objectives and actions with one round's progress."""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from .models import Action, Agency, Aim, BusinessPlan, Objective, ProgressRound, ProgressUpdate

# Rows with less text than this are kept on one printed page; longer ones may split across pages
# rather than leave half a page blank or be cut off.
_KEEP_TOGETHER_CHARACTERS = 900


@dataclass(frozen=True)
class ReportRow:
    action: Action
    lead_agencies: list[Agency]
    # This round's update, else the latest from an earlier round, else None ("No update").
    update: ProgressUpdate | None
    is_from_earlier_round: bool = False

    @property
    def status_note(self) -> str:
        """The action's status when it is no longer open, such as "Withdrawn"; empty while open."""
        return "" if self.action.status == Action.Status.OPEN else self.action.get_status_display()

    @property
    def keep_together(self) -> bool:
        update_length = len(self.update.progress) + len(self.update.impact) if self.update else 0
        return len(self.action.text) + update_length < _KEEP_TOGETHER_CHARACTERS


@dataclass(frozen=True)
class ReportObjective:
    objective: Objective
    rows: list[ReportRow] = field(default_factory=list)


@dataclass(frozen=True)
class ReportAim:
    aim: Aim
    objectives: list[ReportObjective] = field(default_factory=list)


@dataclass(frozen=True)
class ProgressReport:
    plan: BusinessPlan
    progress_round: ProgressRound
    aims: list[ReportAim]
    generated_on: date
    board_name: str
    committee_name: str

    @property
    def action_count(self) -> int:
        return sum(len(objective.rows) for aim in self.aims for objective in aim.objectives)


def build_progress_report(*, plan: BusinessPlan, progress_round: ProgressRound) -> ProgressReport:
    """Gather a plan's aims, objectives and actions with the progress to show for a round, in five queries."""
    aims = list(Aim.objects.alive().filter(plan=plan).order_by("number"))
    objectives = list(Objective.objects.alive().filter(aim__plan=plan, aim__is_deleted=False).in_ref_order())
    actions = list(
        Action.objects.alive()
        .filter(objective__aim__plan=plan, objective__is_deleted=False, objective__aim__is_deleted=False)
        .in_ref_order()
        .prefetch_related("lead_agencies")
    )
    latest_updates = _latest_updates(plan=plan, progress_round=progress_round)

    rows_by_objective: dict[int, list[ReportRow]] = {objective.pk: [] for objective in objectives}
    for action in actions:
        update = latest_updates.get(action.pk)
        rows_by_objective[action.objective_id].append(
            ReportRow(
                action=action,
                lead_agencies=list(action.lead_agencies.all()),
                update=update,
                is_from_earlier_round=update is not None and update.round_id != progress_round.pk,
            )
        )
    objectives_by_aim: dict[int, list[ReportObjective]] = {aim.pk: [] for aim in aims}
    for objective in objectives:
        objectives_by_aim[objective.aim_id].append(ReportObjective(objective, rows_by_objective[objective.pk]))

    return ProgressReport(
        plan=plan,
        progress_round=progress_round,
        aims=[ReportAim(aim, objectives_by_aim[aim.pk]) for aim in aims],
        generated_on=timezone.localdate(),
        board_name=settings.BOARD_NAME,
        committee_name=settings.COMMITTEE_NAME,
    )


def _latest_updates(*, plan: BusinessPlan, progress_round: ProgressRound) -> dict[int, ProgressUpdate]:
    """Each action's accepted update from this round or, failing that, its latest earlier one.

    Later rounds never count, and neither do drafts, submissions awaiting review or returned updates.
    """
    updates = (
        ProgressUpdate.objects.accepted()
        .filter(
            action__objective__aim__plan=plan,
            round__plan=plan,
            round__as_of__lte=progress_round.as_of,
        )
        .select_related("round")
        .order_by("action_id", "-round__as_of")
    )
    latest: dict[int, ProgressUpdate] = {}
    for update in updates:
        latest.setdefault(update.action_id, update)
    return latest


def page_margin_css(report: ProgressReport) -> SafeString:
    """The printed page's running heads: board, committee, plan, round and date in the page margins.

    Built here because CSS cannot read them from the page; every character but letters, digits and
    spaces is written as a CSS escape, so no name can close the string or the <style> element.
    """
    round_label = f"Business plan {report.plan.title}: {report.progress_round.label}"
    boxes = {
        "top-left": report.board_name,
        "top-right": round_label,
        "bottom-left": f"Report to the {report.committee_name}",
        "bottom-center": f"Produced {report.generated_on.day} {report.generated_on:%B %Y}",
    }
    rules = " ".join(f"@{box} {{ content: {_css_string(text)}; }}" for box, text in boxes.items())
    return mark_safe(f"@page {{ {rules} }}")


def _css_string(text: str) -> str:
    escaped = "".join(
        character if (character.isascii() and character.isalnum()) or character == " " else f"\\{ord(character):x} "
        for character in text
    )
    return f'"{escaped}"'
