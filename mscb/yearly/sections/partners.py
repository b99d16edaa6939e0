"""A placeholder for a section of the yearly report, until its figures are gathered."""

from ..registry import YearlySection


def build(plan) -> dict:
    return {}


def write_word(document, figures: dict) -> None:
    return None


SECTION = YearlySection(
    key="partners",
    title="What the partners did and how effective it was",
    asks_for=(
        "What the safeguarding partners and relevant agencies did as a result of the arrangements, "
        "and how effective the arrangements have been in practice."
    ),
    build=build,
    template_name="yearly/sections/_pending.html",
    write_word=write_word,
)
