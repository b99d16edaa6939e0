"""The chair prints the demo's latest committee paper, and it reads in the order the committee reads it."""

import subprocess

import pytest
from playwright.sync_api import Page

from objectives.models import CoveringReport
from objectives.paper.build import build_paper
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.pages import signed_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _in_order(text: str, fragments: list[str]) -> None:
    position = 0
    for fragment in fragments:
        found = text.find(fragment, position)
        assert found != -1, f"{fragment!r} is missing, or out of order, after {text[position : position + 80]!r}"
        position = found + len(fragment)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_chair_prints_the_latest_paper_in_the_committees_order(page: Page, live_server, demo, tmp_path):
    covering = CoveringReport.objects.select_related("round__plan").order_by("-round__as_of").first()
    progress_round = covering.round
    first_section = covering.sections.exclude(text="").order_by("position").first()
    # The later sections' titles as the paper names them on its as-of date ("Child safeguarding practice reviews").
    later_sections = [section.title for section in build_paper(progress_round=progress_round, author="").sections]
    signed_in(page, live_server.url, "chair")

    page.goto(f"{live_server.url}/plans/{progress_round.plan_id}/rounds/{progress_round.pk}/report/")
    assert_no_axe_violations(page)
    page.emulate_media(media="print")
    printed = tmp_path / "paper.pdf"
    page.pdf(path=str(printed), format="A4", landscape=True)

    text = _flat(subprocess.run(["pdftotext", str(printed), "-"], capture_output=True, text=True, check=True).stdout)
    _in_order(
        text,
        [
            covering.title,
            "Report from",
            covering.report_from_name,
            "Summary",
            f"1. {first_section.heading}",
            "At a glance",
            "Exceptions",
            "Appendix",
            *later_sections,
        ],
    )
    # Case reviews, CDOP, Assurance, Training, and partner contributions and spend
    assert len(later_sections) == 5
