"""Generating the yearly report's figures, saving narratives (stale saves refused) and publishing."""

import hashlib

import pytest
from django.core.exceptions import ValidationError

from core.conflicts import ConflictError
from mscb.models import YearlyNarrative
from mscb.yearly import services
from mscb.yearly.registry import ORDER, sections

from .conftest import add_actions

pytestmark = pytest.mark.django_db


def test_generating_gathers_every_sections_figures(year_plan, board_manager):
    report = services.generate_yearly_report(plan=year_plan, by=board_manager)
    report.refresh_from_db()

    assert set(report.figures) == {section.key for section in sections()}
    assert len(report.figures) == len(ORDER)
    assert report.generated_by == board_manager
    assert report.generated_at is not None
    assert report.title == f"Annual report {year_plan.title}"


def test_regenerating_keeps_every_narrative_and_refreshes_the_figures(year_plan, board_manager):
    report = services.generate_yearly_report(plan=year_plan, by=board_manager)
    services.save_narrative(
        report=report, section="partners", text="Our words.", by=board_manager, expected_version=None
    )
    add_actions(year_plan, 2)

    again = services.generate_yearly_report(plan=year_plan, by=board_manager)

    assert again.pk == report.pk
    assert again.figures["partners"]["action_count"] == 4
    assert YearlyNarrative.objects.get(report=again, section="partners").text == "Our words."


def test_a_stale_narrative_save_is_refused_and_the_saved_text_kept(year_plan, board_manager):
    report = services.generate_yearly_report(plan=year_plan, by=board_manager)
    first = services.save_narrative(
        report=report, section="impact", text="One.", by=board_manager, expected_version=None
    )
    services.save_narrative(
        report=report, section="impact", text="Two.", by=board_manager, expected_version=first.version
    )

    with pytest.raises(ConflictError):
        services.save_narrative(
            report=report, section="impact", text="Three.", by=board_manager, expected_version=first.version
        )

    assert YearlyNarrative.objects.get(report=report, section="impact").text == "Two."


def test_a_narrative_for_an_unknown_section_is_refused(year_plan, board_manager):
    report = services.report_for(year_plan)

    with pytest.raises(ValidationError):
        services.save_narrative(report=report, section="gossip", text="No.", by=board_manager, expected_version=None)


def test_publishing_freezes_the_files_with_their_fingerprints(year_plan, board_manager):
    report = services.generate_yearly_report(plan=year_plan, by=board_manager)

    publication = services.publish_yearly_report(report=report, by=board_manager)

    assert bytes(publication.pdf).startswith(b"%PDF")
    assert publication.pdf_sha256 == hashlib.sha256(bytes(publication.pdf)).hexdigest()
    assert publication.docx_sha256 == hashlib.sha256(bytes(publication.docx)).hexdigest()
    assert report.title in publication.html
    assert not publication.is_public


def test_a_report_without_figures_cannot_be_published(year_plan, board_manager):
    with pytest.raises(ValidationError):
        services.publish_yearly_report(report=services.report_for(year_plan), by=board_manager)
