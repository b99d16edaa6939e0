"""The demo's covering reports: the Independent Chair's on the main plan's latest round, a shorter one before it."""

from objectives.models import CoveringReport
from objectives.paper.build import build_paper

from .demo_loaded import MAIN_PLAN, plan


def _rounds():
    return list(plan(MAIN_PLAN).rounds.order_by("-as_of"))


def test_the_latest_rounds_paper_opens_with_the_chairs_covering_report(demo_output):
    latest = _rounds()[0]

    paper = build_paper(progress_round=latest, author="")

    assert paper.covering.report_from == "Helen Ashcombe, Independent Chair"
    assert paper.covering.meeting_on > latest.as_of
    assert "\n- " in paper.covering.summary
    assert len(paper.covering.sections) >= 8
    assert paper.title == CoveringReport.default_title(latest)


def test_the_round_before_has_a_shorter_one_to_start_from(demo_output):
    latest, earlier = _rounds()[:2]

    assert 0 < earlier.covering_report.sections.count() < latest.covering_report.sections.count()


def test_no_earlier_round_has_one(demo_output):
    assert not any(hasattr(progress_round, "covering_report") for progress_round in _rounds()[2:])
