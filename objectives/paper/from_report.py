"""The live report as a Paper: every text, label, name and colour the files show, worked out once."""

from core import rating

from ..models import Action
from ..models.shapes import ReportColumn
from ..selectors.indicators import Reading, number_text
from ..selectors.report import ProgressReport, ReportRow
from .indicators import PaperIndicator, TrendPoint
from .snapshot import Paper, PaperAim, PaperObjective, PaperRow


def paper_from_report(report: ProgressReport, *, author: str, indicators: dict | None = None) -> Paper:
    """The live report as a paper, in the plan's shape, names, columns and rating scale, with `indicators` (readings
    by objective id) under their objectives."""
    plan = report.plan
    scale = plan.scale
    aims = _paper_aims(report, scale, indicators or {})
    return Paper(
        board_name=report.board_name,
        committee_name=report.committee_name,
        plan_title=plan.title,
        round_label=report.progress_round.label,
        as_of=report.progress_round.as_of,
        produced_on=report.generated_on,
        author=author,
        aims=aims,
        shape=plan.shape,
        aim_name=plan.aim_name,
        objective_name=plan.objective_name,
        action_name=plan.action_name,
        columns=chosen_columns(plan.report_columns),
        progress_heading=plan.progress_heading_for(report.progress_round.as_of),
        key=scale.key_entries,
        key_title=key_title(scale),
        # A key explains badges: a board that gave no ratings is not handed a key it never asked for.
        shows_key=any(row.rating_class for aim in aims for objective in aim.objectives for row in objective.rows),
    )


def _paper_aims(report: ProgressReport, scale: rating.Scale, indicators: dict) -> tuple[PaperAim, ...]:
    targets: dict[tuple, str] = {}
    return tuple(
        PaperAim(
            number=report_aim.aim.number,
            title=report_aim.aim.title,
            strategic_lead=report_aim.aim.strategic_lead,
            objectives=tuple(
                PaperObjective(
                    ref=item.objective.ref,
                    title=item.objective.title,
                    rows=tuple(paper_row(row, scale, targets) for row in item.rows),
                    indicators=tuple(paper_indicator(reading) for reading in indicators.get(item.objective.pk, ())),
                )
                for item in report_aim.objectives
            ),
        )
        for report_aim in report.aims
    )


def chosen_columns(report_columns) -> tuple[str, ...]:
    """The plan's columns in print order, always with the action itself (a table without it says nothing)."""
    chosen = set(report_columns or ()) | {ReportColumn.ACTION.value}
    return tuple(column.value for column in ReportColumn if column.value in chosen)


def key_title(scale: rating.Scale) -> str:
    return "RAG key" if scale.name == rating.DEFAULT_SCALE_NAME else "Rating key"


def paper_row(row: ReportRow, scale: rating.Scale, targets: dict[tuple, str] | None = None) -> PaperRow:
    """A report row as the paper shows it; the case review and CDOP sections draw their actions with it too.

    `targets`, when given, keeps each target's words for the next row with the same target (see target_words).
    """
    action, update = row.action, row.update
    shown = _shown_rating(update, scale)
    return PaperRow(
        action_id=action.pk,
        ref=action.ref,
        text=action.text,
        lead_agencies=tuple(row.lead_agencies),
        target=target_words(action) if targets is None else _shared_target_words(action, targets),
        target_on=action.target_on,
        target_is_month=action.target_is_month,
        status=row.status_note,
        rag=update.rag if update else "",
        rag_label=shown.label if shown else "",
        progress=update.progress if update else "",
        impact=update.impact if update else "",
        earlier_round=update.round.label if update and row.is_from_earlier_round else "",
        responsibility=action.responsibility,
        lead_officer=action.lead_officer,
        timescale=action.timescale,
        original_target=action.original_target_display,
        times_slipped=action.times_slipped,
        success_measure=action.success_measure,
        reported=update is not None,
        rating_class=shown.css_class if shown else "",
        rating_fill=shown.fill if shown else "",
        rating_text=shown.text if shown else "",
    )


def _shown_rating(update, scale: rating.Scale) -> rating.Rating | None:
    """The badge a row prints: its level; "No update" when nothing was reported; none for a blank rating."""
    if scale.is_none:
        return None
    if update is None:
        return rating.NO_UPDATE
    return scale.rating(update.rag) if update.rag else None


def _shared_target_words(action: Action, targets: dict[tuple, str]) -> str:
    """target_words, worked out once for each target a paper has: a 1,000-action paper has a few dozen month-ends,
    and each was formatted, joined and translated again for every action."""
    # Every field target_words reads.
    key = (
        action.target_on,
        action.target_is_month,
        action.original_target_on,
        action.original_target_is_month,
        action.times_slipped,
        action.timescale,
    )
    words = targets.get(key)
    if words is None:
        words = targets[key] = target_words(action)
    return words


def target_words(action: Action) -> str:
    """The target in words: "June 2026 (originally March 2026; slipped twice) – across 2026/27", or either part."""
    date_part = action.target_display
    if date_part and action.original_target_on:
        # The action page's words for the slips, so the page and the paper say it alike.
        details = "; ".join(
            part for part in (f"originally {action.original_target_display}", action.slippage_display) if part
        )
        date_part = f"{date_part} ({details})"
    return " – ".join(part for part in (date_part, action.timescale) if part)


def paper_indicator(reading: Reading) -> PaperIndicator:
    indicator, latest, shown = reading.indicator, reading.latest, reading.rating
    return PaperIndicator(
        name=indicator.name,
        per=indicator.per_words,
        latest=number_text(latest.value, indicator) if latest else "",
        latest_period=latest.period_text if latest else "",
        target=number_text(reading.target, indicator),
        rating_label=shown.label if shown else "",
        rating_class=shown.css_class if shown else "",
        rating_fill=shown.fill if shown else "",
        rating_text=shown.text if shown else "",
        direction=reading.direction,
        points=tuple(
            TrendPoint(value.period_text, number_text(value.value, indicator), float(value.value))
            for value in reading.values
        ),
    )
