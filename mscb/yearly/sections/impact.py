"""A placeholder for a section of the yearly report, until its figures are gathered."""

from ..registry import YearlySection


def build(plan) -> dict:
    return {}


def write_word(document, figures: dict) -> None:
    return None


SECTION = YearlySection(
    key="impact",
    title="Evidence of impact",
    asks_for=(
        "Evidence of the impact of the partners' work, including training, on outcomes for children and families."
    ),
    build=build,
    template_name="yearly/sections/_pending.html",
    write_word=write_word,
)
