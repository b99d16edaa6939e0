"""Sections after the objectives table come in the order they are registered."""

import pytest

from objectives.paper import sections
from objectives.paper.snapshot import PaperSection


def _section_type(kind):
    def build(*, plan, progress_round):
        return PaperSection(kind=kind, title=kind)

    return sections.SectionType(kind=kind, build=build, template_name=sections.FALLBACK_TEMPLATE, write_word=None)


@pytest.fixture
def empty_registry(monkeypatch):
    # A registry of the test's own, so the apps' real sections are untouched whatever happens here.
    monkeypatch.setattr(sections, "_REGISTERED", {})


def _kinds():
    return [section.kind for section in sections.build_sections(plan=None, progress_round=None)]


def test_sections_follow_one_another_in_registration_order(empty_registry):
    sections.register(_section_type("training"))
    sections.register(_section_type("cdop"))

    assert _kinds() == ["training", "cdop"]


def test_registering_a_section_again_moves_it_last(empty_registry):
    sections.register(_section_type("training"))
    sections.register(_section_type("cdop"))
    sections.register(_section_type("training"))

    assert _kinds() == ["cdop", "training"]
