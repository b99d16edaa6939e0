"""The numbers Word shows before automatically numbered paragraphs, which are not part of their text.

A table's "No." column is often a numbered list: the cell looks like "1." but holds no text at all. The plan
reader (word.py) asks here for the number, so each row is its own action rather than carrying on the one above.
"""

from docx.document import Document
from docx.text.paragraph import Paragraph

_FORMATS = {
    "decimal": str,
    "lowerLetter": lambda number: chr(ord("a") + number - 1) if number <= 26 else "",
    "upperLetter": lambda number: chr(ord("A") + number - 1) if number <= 26 else "",
}


class ListNumbers:
    """Counts the numbered paragraphs it is shown, list by list, as Word numbers them."""

    def __init__(self, document: Document):
        try:
            self.numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            # A document without a numbering part has no numbered paragraphs.
            self.numbering = None
        self.style_numbering = {
            style.styleId: style.pPr.numPr
            for style in document.styles.element.style_lst
            if style.pPr is not None and style.pPr.numPr is not None
        }
        self.counts: dict[tuple[str, str], int] = {}
        # Each paragraph's number once, as a cell merged over two rows is read for both. Keeping the
        # elements keeps lxml's proxies alive, so an id is never reused meanwhile.
        self.numbers: dict[int, tuple[object, str]] = {}

    def number(self, paragraph: Paragraph) -> str:
        """The number Word shows before the paragraph ("1", "b"); "" for one that is not numbered."""
        element = paragraph._p
        if id(element) not in self.numbers:
            self.numbers[id(element)] = (element, self._next(element))
        return self.numbers[id(element)][1]

    def _next(self, element) -> str:
        numbering = element.pPr.numPr if element.pPr is not None and element.pPr.numPr is not None else None
        numbering = numbering if numbering is not None else self.style_numbering.get(element.style or "")
        if numbering is None or numbering.numId is None or numbering.numId.val == 0 or self.numbering is None:
            return ""
        num_id, level = str(numbering.numId.val), str(numbering.ilvl.val if numbering.ilvl is not None else 0)
        start, number_format = self._level(num_id, level)
        if number_format not in _FORMATS:
            return ""
        count = self.counts.get((num_id, level), start - 1) + 1
        self.counts[num_id, level] = count
        return _FORMATS[number_format](count)

    def _level(self, num_id: str, level: str) -> tuple[int, str]:
        abstract = self.numbering.xpath(f'w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val')
        if not abstract:
            return 1, ""
        path = f'w:abstractNum[@w:abstractNumId="{abstract[0]}"]/w:lvl[@w:ilvl="{level}"]'
        starts, formats = (
            self.numbering.xpath(f"{path}/w:start/@w:val"),
            self.numbering.xpath(f"{path}/w:numFmt/@w:val"),
        )
        return int(starts[0]) if starts and starts[0].isdigit() else 1, formats[0] if formats else "decimal"
