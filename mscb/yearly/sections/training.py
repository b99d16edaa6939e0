"""A placeholder for a section of the yearly report, until its figures are gathered."""

from ..registry import YearlySection


def build(plan) -> dict:
    return {}


def write_word(document, figures: dict) -> None:
    return None


SECTION = YearlySection(
    key="training",
    title="Multi-agency training",
    asks_for=("Training uptake by agency against its workforce, and what evaluations and follow-ups found."),
    build=build,
    template_name="yearly/sections/_pending.html",
    write_word=write_word,
)
