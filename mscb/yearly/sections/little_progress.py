"""A placeholder for a section of the yearly report, until its figures are gathered."""

from ..registry import YearlySection


def build(plan) -> dict:
    return {}


def write_word(document, figures: dict) -> None:
    return None


SECTION = YearlySection(
    key="little-progress",
    title="Areas with little or no evidence of progress",
    asks_for=("An analysis of any areas where there has been little or no evidence of progress on agreed priorities."),
    build=build,
    template_name="yearly/sections/_pending.html",
    write_word=write_word,
)
