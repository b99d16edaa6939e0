"""The demo's covering reports: the Independent Chair's on the main plan's latest round, a shorter one before it."""

from django.contrib.auth import get_user_model

from mscb.demo import people
from objectives.models import CoveringReport
from objectives.paper.build import build_paper
from tests.objectives.paper_reading import in_order, paper_pdf_text, paper_word_text

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


def _committee_order(progress_round) -> list[str]:
    """What the committee reads, in order: cover, covering report, at a glance, the appendix, the later sections."""
    paper = build_paper(progress_round=progress_round, author="")
    first_heading = paper.covering.sections[0].heading
    return [
        paper.title,
        "Report from",
        "Summary",
        f"1. {first_heading}",
        "At a glance",
        "Exceptions",
        "Appendix",
        *[section.title for section in paper.sections],
    ]


def test_the_latest_papers_pdf_and_word_file_read_in_the_committees_order(demo_output, client, tmp_path):
    latest = _rounds()[0]
    client.force_login(get_user_model().objects.get(username=people.MANAGER))
    expected = _committee_order(latest)

    pdf_text = " ".join(paper_pdf_text(client, latest, tmp_path).split())
    word_text = " ".join(paper_word_text(client, latest).split())

    assert len(expected) == 12
    assert in_order(pdf_text, expected)
    assert in_order(word_text, expected)
