"""The committee paper for a round as it stands now, marked against the previous publication."""

from dataclasses import replace

from core.formats import display_name

from ..models import ProgressRound
from ..roles import is_board_manager
from ..selectors.indicators import readings_by_objective
from ..selectors.report import build_progress_report
from .changes import mark_changes, previous_publication
from .covering import build_covering
from .from_report import paper_from_report
from .sections import build_sections
from .snapshot import Paper


def rounds_for_paper():
    """Rounds with what every paper reads for each row: the plan's rating scale and its levels."""
    return ProgressRound.objects.select_related("plan__rating_scale").prefetch_related("plan__rating_scale__levels")


def build_paper(*, progress_round: ProgressRound, author: str) -> Paper:
    """The paper the report page shows and its files contain: in nine queries (five for the report, one for the
    indicators and their values, one for the previous publication, two for the covering report; eight when the
    round has none) plus whatever registered sections need, once the round's plan has its rating scale (see
    rounds_for_paper).

    A covering report names the paper's committee and author itself: `author` is used only without one.
    """
    plan = progress_round.plan
    report = build_progress_report(plan=plan, progress_round=progress_round)
    indicators = readings_by_objective(plan, progress_round.as_of)
    paper = paper_from_report(report, author=author, indicators=indicators)
    paper = mark_changes(paper, previous_publication(progress_round))
    sections = build_sections(plan=plan, progress_round=progress_round)
    covering = build_covering(progress_round)
    if covering is not None:
        paper = replace(paper, covering=covering, author=covering.author, committee_name=covering.committee)
    return replace(paper, sections=sections)


def author_for(user) -> str:
    """The author a paper made for this person names, when its round has no covering report (which names its
    own): the board manager who makes it, else nobody.

    A councillor downloading the report is its reader, not its author.
    """
    return display_name(user) if is_board_manager(user) else ""
