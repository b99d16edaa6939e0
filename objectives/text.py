"""Progress text as people type it, turned into safe HTML paragraphs and bullet lists."""

from html import escape

from django.template.defaultfilters import truncatewords
from django.utils.safestring import SafeString, mark_safe

# Bullets as typed ("- ", "* ") or pasted from Word ("• ", "– ", "· "): a mark, then a space, at the line's start.
_BULLET_MARKS = "-*•·–"


def _blocks(text: str) -> list[list[str]]:
    """Split text into blocks of lines at blank lines (a line of only spaces is blank), each line right-stripped."""
    blocks, current = [], []
    # Right-stripped once: a blank line is then empty.
    for line in map(str.rstrip, text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def progress_blocks(text: str) -> list[tuple[str, list[str]]]:
    """Plain text as blocks: ("p", its lines) for a paragraph, ("ul", its items) for a bullet list.

    Blank lines start paragraphs, lines starting "- " become bullets: the one reading of typed text that the HTML
    and the PDF (objectives/paper/typst_data.py) both print.
    """
    parts: list[tuple[str, list[str]]] = []
    for block in _blocks(text or ""):
        paragraph: list[str] = []
        bullets: list[str] = []
        for line in block:
            # Tested without a regex, as this runs for every line of every paper.
            start = line.lstrip()
            if start[0] in _BULLET_MARKS and start[1:2].isspace():
                if paragraph:
                    parts.append(("p", paragraph))
                    paragraph = []
                bullets.append(start[1:].lstrip())
            elif bullets and line.startswith((" ", "\t")):
                # An indented line continues the bullet above it.
                bullets[-1] += " " + start
            else:
                if bullets:
                    parts.append(("ul", bullets))
                    bullets = []
                paragraph.append(start)
        if paragraph:
            parts.append(("p", paragraph))
        if bullets:
            parts.append(("ul", bullets))
    return parts


def progress_html(text: str) -> SafeString:
    """Render plain text: blank lines start paragraphs, lines starting "- " become bullets.

    Everything the user typed is escaped, so "<script>" shows as text.
    """
    # Safe: the text was escaped before any tag was added.
    return mark_safe(escaped_progress(text))


def escaped_progress(text: str) -> str:
    """progress_html's HTML as a plain string, for code that joins it into more HTML (the committee table's rows)
    without marking each of a 1,000-action paper's 3,000 texts safe on the way.

    The whole text is escaped once, before it is split: escaping changes only & < > " ', none of which marks a
    line, a blank line or a bullet, and a committee paper escaped some 50,000 lines one at a time.
    """
    blocks = progress_blocks(escape(text or ""))
    return "\n".join(_paragraph(lines) if kind == "p" else _bullet_list(lines) for kind, lines in blocks)


# Both take lines already escaped.
def _paragraph(lines: list[str]) -> str:
    return "<p>" + "<br>".join(lines) + "</p>"


def _bullet_list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def first_words(text: str, count: int) -> str:
    """The `truncatewords` filter's first `count` words (not escaped); Truncator only for a text it would cut, as most
    are shorter and a page of a hundred actions asks for each one's."""
    words = text.split()
    return truncatewords(text, count) if len(words) > count else " ".join(words)
