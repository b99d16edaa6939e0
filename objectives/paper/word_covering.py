"""The covering report in the Word file, before the at-a-glance summary and the plan table."""

from .word_tables import write_blocks


def write_covering(document, paper) -> None:
    """Append the paper's covering report, when it has one: the summary, then its numbered sections."""
    covering = paper.covering
    if covering is None:
        return
    # Named once: python-docx looks a style up among all styles on every use.
    bullet_style = document.styles["List Bullet"].style_id
    if covering.summary:
        document.add_heading("Summary", level=1)
        write_blocks(document, covering.summary, bullet_style, first_unused=False)
    for number, section in covering.numbered_sections:
        document.add_heading(f"{number}. {section.heading}", level=1)
        write_blocks(document, section.text, bullet_style, first_unused=False)


def write_appendix_heading(document, paper) -> None:
    """With a covering report before it, the plan table is the appendix, starting on a page of its own."""
    if paper.covering is None:
        return
    heading = document.add_heading(paper.appendix_title, level=1)
    heading.paragraph_format.page_break_before = True
