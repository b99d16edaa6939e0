"""Lines inside a Word plan's cells that say something else than the cell's text.

"Lead: Police; Health" and "Target: March 2026" in the action cell; "RAG: Amber" and "Impact: …" in the
progress cell. The plan reader (word.py) takes them out and puts them in their own columns.
"""

import re

from core.rating import BUILT_IN

from . import word_text
from .word_headings import DASHES

_LEAD = re.compile(rf"lead(?:\s+agenc(?:y|ies))?\s*{DASHES}\s*(.+)", re.IGNORECASE)
_TARGET = re.compile(rf"(?:target(?:\s+date)?|timescale|by\s+when|deadline)\s*{DASHES}\s*(.+)", re.IGNORECASE)
_RATING_LINE = re.compile(rf"(?:rag|rating)\b(?:\s+(?:rating|status))?\s*({DASHES})?\s*(.+)", re.IGNORECASE)
_STATUS_LINE = re.compile(rf"status\s*{DASHES}\s*(.+)", re.IGNORECASE)
_IMPACT = re.compile(rf"(?:evidence\s+of\s+)?impact\s*{DASHES}\s*(.*)", re.IGNORECASE)


def split_action(paragraphs: list[word_text.Para]) -> tuple[str, str, list[word_text.Para]]:
    """Our call: "Lead: Police; Health" and "Target: March 2026" lines in the action cell are its lead and target."""
    lead, target, text = "", "", []
    for paragraph in paragraphs:
        kept = []
        for line in paragraph.text.split("\n"):
            lead_match, target_match = _LEAD.fullmatch(line.strip()), _TARGET.fullmatch(line.strip())
            if lead_match and not lead:
                lead = lead_match[1].strip()
            elif target_match and not target:
                target = target_match[1].strip()
            else:
                kept.append(line)
        if any(line.strip() for line in kept):
            text.append(word_text.Para("\n".join(kept).strip(), paragraph.is_list))
    return lead, target, text


def split_progress(paragraphs: list[word_text.Para]) -> tuple[str, list[word_text.Para], list[word_text.Para]]:
    """The rating a line states, the evidence of impact from an "Impact:" line on, and the progress before it."""
    rating, impact, progress = "", None, []
    for paragraph in paragraphs:
        kept = []
        for line in paragraph.text.split("\n"):
            impact_start = None if impact is not None or paragraph.is_list else _IMPACT.fullmatch(line.strip())
            stated = "" if rating or paragraph.is_list else stated_rating(line.strip())
            if impact_start:
                if any(line.strip() for line in kept):
                    progress.append(word_text.Para("\n".join(kept).strip(), paragraph.is_list))
                impact, kept = [], [impact_start[1]] if impact_start[1].strip() else []
            elif stated:
                rating = stated
            else:
                kept.append(line)
        if any(line.strip() for line in kept):
            (progress if impact is None else impact).append(word_text.Para("\n".join(kept).strip(), paragraph.is_list))
    return rating, impact or [], progress


def stated_rating(line: str) -> str:
    """The rating a line states: "RAG: Amber" or "Rating: 2" (whatever follows, so a wrong one is reported),
    "Status: Amber", "Amber". A line that states none gives "", so the rating stays blank."""
    match = _RATING_LINE.fullmatch(line)
    if match and match[1]:
        return match[2].strip()
    status = _STATUS_LINE.fullmatch(line)
    for candidate in (match[2].strip() if match else "", status[1].strip() if status else "", line):
        if _is_rating(candidate):
            return candidate
    return ""


def _is_rating(text: str) -> bool:
    """A level of a built-in scale, by its code or label ("Amber", "Blue", "3 Slipped"); the checker then
    holds it to the plan's own scale. A single letter or digit alone is too likely to be something else."""
    return len(text) > 1 and any(scale.find(text) for scale in BUILT_IN)
