"""The Word paper's "Partner contributions and spend" section, from its built data: the same words as the page."""

from objectives.paper.snapshot import PaperSection
from objectives.paper.word_tables import TEXT_WIDTH

from ..word import write_budget


def write_word(document, section: PaperSection) -> None:
    document.add_heading(section.title, level=1)
    document.add_paragraph(f"Figures as recorded on {section.data['recorded_on']}.")
    write_budget(document, section.data, width=TEXT_WIDTH, subheading_level=2)
