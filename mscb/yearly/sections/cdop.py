"""A placeholder for a section of the yearly report, until its figures are gathered."""

from ..registry import YearlySection


def build(plan) -> dict:
    return {}


def write_word(document, figures: dict) -> None:
    return None


SECTION = YearlySection(
    key="cdop",
    title="Child death overview panel",
    asks_for=("The child death overview panel's figures for the year and its actions."),
    build=build,
    template_name="yearly/sections/_pending.html",
    write_word=write_word,
)
