"""A placeholder for a section of the yearly report, until its figures are gathered."""

from ..registry import YearlySection


def build(plan) -> dict:
    return {}


def write_word(document, figures: dict) -> None:
    return None


SECTION = YearlySection(
    key="feedback",
    title="Feedback from children and families",
    asks_for=(
        "How the partners sought and used feedback from children and families to inform their work "
        "and influence services."
    ),
    build=build,
    template_name="yearly/sections/_pending.html",
    write_word=write_word,
)
