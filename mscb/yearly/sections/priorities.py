"""A placeholder for a section of the yearly report, until its figures are gathered."""

from ..registry import YearlySection


def build(plan) -> dict:
    return {}


def write_word(document, figures: dict) -> None:
    return None


SECTION = YearlySection(
    key="priorities",
    title="Progress on our priorities",
    asks_for=("Progress on each priority of the plan, with its ratings and how they moved through the year."),
    build=build,
    template_name="yearly/sections/_pending.html",
    write_word=write_word,
)
