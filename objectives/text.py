"""Progress text as people type it, turned into safe HTML paragraphs and bullet lists."""

import re
from html import escape

from django.utils.safestring import SafeString, mark_safe

# Bullets as typed ("- ", "* ") or pasted from Word ("• ", "– ", "· ").
_BULLET = re.compile(r"^\s*[-*•·–]\s+")


def _blocks(text: str) -> list[list[str]]:
    """Split text into blocks of lines at blank lines."""
    blocks, current = [], []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            current.append(line.rstrip())
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
    parts = []
    for block in _blocks(text or ""):
        paragraph: list[str] = []
        bullets: list[str] = []
        for line in block:
            if _BULLET.match(line):
                if paragraph:
                    parts.append(("p", paragraph))
                    paragraph = []
                bullets.append(_BULLET.sub("", line, count=1))
            elif bullets and line.startswith((" ", "\t")):
                # An indented line continues the bullet above it.
                bullets[-1] += " " + line.strip()
            else:
                if bullets:
                    parts.append(("ul", bullets))
                    bullets = []
                paragraph.append(line.strip())
        if paragraph:
            parts.append(("p", paragraph))
        if bullets:
            parts.append(("ul", bullets))
    return parts


def progress_html(text: str) -> SafeString:
    """Render plain text: blank lines start paragraphs, lines starting "- " become bullets.

    Everything the user typed is escaped, so "<script>" shows as text.
    """
    drawn = (_paragraph(lines) if kind == "p" else _bullet_list(lines) for kind, lines in progress_blocks(text))
    return mark_safe("\n".join(drawn))


# The standard library's escape, which Django's wraps: the same text, without the lazy-string check on each of the
# thousands of lines a committee paper has.
def _paragraph(lines: list[str]) -> str:
    return "<p>" + "<br>".join(escape(line) for line in lines) + "</p>"


def _bullet_list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"
