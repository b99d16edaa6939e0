"""A placeholder for a section of the yearly report, until its figures are gathered."""

from ..registry import YearlySection


def build(plan) -> dict:
    return {}


def write_word(document, figures: dict) -> None:
    return None


SECTION = YearlySection(
    key="budget",
    title="Partner contributions and spend",
    asks_for=("What each partner agreed and paid, money and in kind, the pooled budget and its spend by heading."),
    build=build,
    template_name="yearly/sections/_pending.html",
    write_word=write_word,
)
