"""Building the committee paper's Assurance section, as at the round's as-of date.

It holds what the board learnt about how well agencies safeguard children since it last met: the latest Section 11
cycle (section11.py), the multi-agency case audits completed since the previous round's as-of date, and how many
recommendations from every source (core.recommendations, the register) stand at each decision and status. Like
the other sections its data is JSON-ready, so a published snapshot renders it again unchanged; build() returns
None when there is nothing to report. The paper is the board's: it reads every record, whoever prints it.
"""

from collections import Counter

from core import recommendations
from core.formats import long_date
from core.models.decisions import NEEDS_REASONS, Decision
from objectives.models import ProgressRound
from objectives.paper.snapshot import PaperSection

from ..models import CaseAudit
from .section11 import section11_data

KIND = "assurance"
TITLE = "Assurance"


def build(*, plan, progress_round) -> PaperSection | None:
    """Section 11, case audits and the recommendations' counts; None when none has anything to say.

    Four queries, five once a cycle had opened, seven once its grid was out, plus the register's own, however
    many agencies, standards, audits and recommendations there are.
    """
    as_of = progress_round.as_of
    since = _previous_as_of(progress_round)
    cycle = section11_data(as_of)
    audits = _audits(since, as_of)
    entries = recommendations.entries_for(None)
    counts = count_recommendations(entries, as_of)
    if cycle is None and not audits and counts is None:
        return None
    audits_caption = f"Case audits completed by {long_date(as_of)}"
    if since is not None:
        audits_caption = f"Case audits completed from {long_date(since)} to {long_date(as_of)}"
    return PaperSection(
        kind=KIND,
        title=TITLE,
        data={
            "section11": cycle,
            "audits_caption": audits_caption,
            "audits": audits,
            "recommendations": counts,
            "not_accepted": not_accepted_in_full(entries, as_of),
        },
    )


def _previous_as_of(progress_round):
    """The as-of date of the plan's round before this one, or None for its first round."""
    earlier = ProgressRound.objects.filter(plan_id=progress_round.plan_id, as_of__lt=progress_round.as_of)
    return earlier.order_by("-as_of").values_list("as_of", flat=True).first()


def _audits(since, as_of) -> list[dict]:
    """The audits completed after the previous round's as-of date, up to and on this one's, oldest first."""
    audits = CaseAudit.objects.filter(status=CaseAudit.Status.COMPLETED, completed_on__lte=as_of)
    if since is not None:
        audits = audits.filter(completed_on__gt=since)
    return [
        {
            "theme": audit.theme,
            "held_on": audit.held_on.isoformat(),
            "held": long_date(audit.held_on),
            "completed": long_date(audit.completed_on),
            "findings": audit.findings,
        }
        for audit in audits.order_by("completed_on", "theme")
    ]


def count_recommendations(entries, as_of) -> dict | None:
    """How many of the register's `entries` reported by `as_of` had each decision and status then; None when none
    were.

    One decided after the as-of date counts as awaiting a decision, as it was then. Statuses otherwise follow the
    actions as they stand now: actions keep no dated history of being opened and completed.
    """
    decisions, statuses = Counter(), Counter()
    for entry in entries:
        if entry.reported_on is not None and entry.reported_on > as_of:
            continue
        if entry.decided_on is None or entry.decided_on > as_of:
            decisions[Decision.AWAITING.label] += 1
            statuses[recommendations.Status.AWAITING_DECISION.label] += 1
        else:
            decisions[entry.decision_label] += 1
            statuses[entry.status.label] += 1
    if not decisions:
        return None
    return {
        "total": sum(decisions.values()),
        "by_decision": [{"label": choice.label, "count": decisions[choice.label]} for choice in DECISION_ORDER],
        "by_status": [{"label": status.label, "count": statuses[status.label]} for status in recommendations.Status],
    }


DECISION_ORDER = (Decision.ACCEPTED, Decision.PARTLY_ACCEPTED, Decision.NOT_ACCEPTED, Decision.AWAITING)


def not_accepted_in_full(entries, as_of) -> list[dict]:
    """The recommendations the board had decided by `as_of` not to accept, or to accept only in part, with its
    reasons and who decided where and when: what the committee most needs to see of the board's decisions."""
    return [
        {
            "source": entry.source,
            "number": entry.number,
            "text": entry.text,
            "decision": entry.decision_label,
            "reasons": entry.decision_reasons,
            "decided": decided_words(entry),
        }
        for entry in entries
        if entry.decision in NEEDS_REASONS and entry.decided_on is not None and entry.decided_on <= as_of
    ]


def decided_words(entry) -> str:
    """ "Decided on 12 March 2026 by the board at Board, 12 March 2026", leaving out what was not recorded."""
    words = f"Decided on {long_date(entry.decided_on)}"
    if entry.decided_by:
        words += f" by {entry.decided_by}"
    if entry.decision_meeting:
        words += f" at {entry.decision_meeting}"
    return words
