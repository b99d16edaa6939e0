"""Reading a section's Word output back: each table's cells as text, and every paragraph."""

from docx import Document


def written(section, figures: dict) -> Document:
    document = Document()
    section.write_word(document, figures)
    return document


def tables(document) -> list[list[list[str]]]:
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]


def paragraphs(document) -> list[str]:
    return [paragraph.text for paragraph in document.paragraphs]
