"""The demo's covering reports: the Independent Chair's report on the main plan's latest round, and a shorter
one on the round before it, so "Start from the previous paper" has something to start from.

The rounds are found by query, never by date, as the demo's dates follow today. Everything here is invented.
"""

from datetime import timedelta

from django.conf import settings

from core.formats import long_date
from objectives.models import BusinessPlan, CoveringReport, CoveringSection, ProgressRound

# Committees usually meet some weeks after the date the progress describes.
MEETING_AFTER = timedelta(days=42)

CHAIR = {"report_from_name": "Helen Ashcombe", "report_from_role": "Independent Chair"}
AUTHOR = {"author": "Alex Marlowe, Board Manager", "contact": "01632 960 418, board.manager@example.org"}

LATEST_SUMMARY = (
    "This report tells the committee how the partnership's agencies have progressed the business plan {plan} "
    "to {as_of}. The full progress table is attached as the appendix.\n\n"
    "Most actions are on track. In particular:\n"
    "- every partner agency has now completed its Section 11 self-assessment, and the challenge events have "
    "been held;\n"
    "- the multi-agency domestic abuse course has run every month, with places taken up by schools and GP "
    "practices for the first time;\n"
    "- the exploitation panel now reviews every missing episode within five working days.\n\n"
    "Two areas are behind and are set out in the exceptions list: the neglect toolkit, whose launch has moved "
    "because of the health visiting restructure, and the audit of strategy discussions, which is waiting for "
    "police data."
)

LATEST_SECTIONS = {
    "Recommendations": (
        "The committee is asked to:\n"
        "- note the progress made against the business plan;\n"
        "- note the two actions behind schedule and the steps taken to recover them;\n"
        "- agree to receive the next progress report at the end of the plan year."
    ),
    "Budget and policy framework": (
        "The partnership's work is within the budget agreed by its partners for the year. "
        "There are no policy framework implications."
    ),
    "Background": (
        "The partnership must publish a business plan and report on it. The committee asked to see progress "
        "twice a year, as a covering report with the progress table as its appendix.\n\n"
        "The plan has three aims: partners' work keeps children safe, children are protected from harm at home "
        "and in the community, and everyone who works with children knows what to do."
    ),
    "Risk management": (
        "The main risks to the plan are:\n"
        "- staffing pressures in health visiting, which have delayed the neglect toolkit;\n"
        "- the time agencies need to supply data for multi-agency audits.\n\n"
        "Each is on the partnership's risk register, with an owner and a date for review."
    ),
    "Consultation": (
        "Each action's lead agency wrote its own progress, and the partnership's executive group agreed this "
        "report. Young people from the children in care council commented on the exploitation work."
    ),
    "Implications for looked-after children": (
        "Several actions concern children in care directly, in particular the work on missing episodes and "
        "exploitation. The corporate parenting board receives the same progress."
    ),
    "Financial implications": "None beyond the partnership's agreed budget.",
    "Legal implications": (
        "The partnership meets its duty to publish its arrangements and report on them. "
        "There are no further legal implications."
    ),
    "Lead officer contact": "Alex Marlowe, Board Manager: 01632 960 418, board.manager@example.org",
    "Background papers": "The partnership's business plan {plan}, and its published annual report.",
}

EARLIER_SUMMARY = (
    "This report tells the committee how the partnership's agencies have progressed the business plan {plan} "
    "to {as_of}.\n\n"
    "Early progress is good:\n"
    "- the case review learning briefings have reached every agency;\n"
    "- the domestic abuse course is fully booked."
)

EARLIER_SECTIONS = {
    "Recommendations": "The committee is asked to note the progress made against the business plan.",
    "Background": (
        "The partnership agreed its business plan {plan} in the spring. This is the first progress report of the year."
    ),
    "Lead officer contact": "Alex Marlowe, Board Manager: 01632 960 418, board.manager@example.org",
}


def load_covering(loader, business_plan: BusinessPlan) -> None:
    """The covering reports of the plan's latest round and the round before it, whatever their dates."""
    latest, earlier = (list(business_plan.rounds.order_by("-as_of")[:2]) + [None, None])[:2]
    if latest is not None:
        _report(loader, latest, LATEST_SUMMARY, LATEST_SECTIONS)
    if earlier is not None:
        _report(loader, earlier, EARLIER_SUMMARY, EARLIER_SECTIONS)


def _report(loader, progress_round: ProgressRound, summary: str, sections: dict[str, str]) -> None:
    words = {"plan": progress_round.plan.title, "as_of": long_date(progress_round.as_of)}
    fields = {
        "meeting_on": progress_round.as_of + MEETING_AFTER,
        "committee": settings.COMMITTEE_NAME,
        "title": CoveringReport.default_title(progress_round),
        "summary": summary.format(**words),
        **CHAIR,
        **AUTHOR,
    }
    report, _ = loader.ensure(CoveringReport, {"round": progress_round}, fields)
    for position, (heading, text) in enumerate(sections.items(), start=1):
        fields = {"position": position, "text": text.format(**words)}
        loader.ensure(CoveringSection, {"report": report, "heading": heading}, fields)
