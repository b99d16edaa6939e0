"""The header row of a Word plan's table: which column holds what, by the words boards write as headings.

Headings are matched ignoring case, spaces and a colon or full stop at the end:

- ref: Ref, Reference, Ref no, No, No., Number, #, Item, Rec no, Recommendation no, Action no; or a first
  column with no heading (or headed Recommendation when a later column is the action's text)
- action: Action(s), Specific action(s), Key action(s), Action to be taken, Recommendation(s), Activity, Task,
  What we will do
- lead_agency: Lead agency, Lead agencies, Lead partner(s), Agency, Agencies
- responsibility: Lead, Responsibility, Responsible, Lead/Responsibility (any heading with responsib…), Owner,
  Who, By whom
- lead_officer: Lead officer, Named lead, Officer, Lead person
- target (the import's target_date, kept as a timescale if it is not a date): Target, Target date, Timescale(s),
  Date, Due, Due date, Deadline, By when, When, Completion date
- success_measure: Success measure(s), Measure(s) of success, Output/outcome measurement, Outcome measure(s),
  Success criteria, Expected outcome(s) — any heading with measure, success, output, outcome or criteria
- progress: any heading with progress or update ("Progress report December 2025", "Progress presented to
  Committee Dec 2017", "Update"); the month and year in it name the round
- rag (the import's rating): RAG, RAG rating, RAG status, Rating, Assessment, Status, Progress rating
- impact: any heading with impact ("Evidence of impact")
"""

import re

from . import word_text

_MONTH_YEAR = re.compile(r"(?:\d{1,2}\s+)?[A-Za-z]{3,}\.?,?\s+\d{4}")

_REF = {"ref", "reference", "ref no", "no", "number", "#", "rec no", "recommendation no", "action no", "item"}
_ACTION = ("action", "specific action", "key action", "recommendation", "activity", "task", "what we will do")
_LEAD_OFFICER = {"lead officer", "named lead", "officer", "lead person", "named officer"}
# A bare "Lead" is often a chair, a sub-group or a post, so it is kept as words rather than made an agency.
_RESPONSIBILITY = {"lead", "leads", "lead(s)", "owner", "who", "by whom"}
_LEAD_AGENCY = {"agency", "agencies", "lead agency", "lead agencies", "lead agency/agencies"}
_TARGET = ("target", "timescale", "date", "due", "deadline", "by when", "when", "completion date")
_MEASURE = ("measure", "success", "output", "outcome", "criteria")
_RATING = {"rag", "rag rating", "rag status", "rating", "assessment", "status", "progress rating", "rag rating/status"}

# Kinds whose column belongs to a round of progress: the progress column before it, else the last.
ROUND_KINDS = ("rag", "impact")

Column = tuple[str, str]


def header(cells: list, styles: dict[str, str]) -> list[Column | None] | None:
    """The columns a header row names, by grid position; None if the row is no header.

    A header names an action column and a ref column (or a first column without a heading).
    """
    texts = [word_text.flat(word_text.paragraphs(cell, styles)) if cell is not None else "" for cell in cells]
    kinds = [column_kind(text) for text in texts]
    action_columns = [index for index, kind in enumerate(kinds) if kind and kind[0] == "action"]
    has_ref = any(kind and kind[0] == "ref" for kind in kinds)
    # Our call: "| Action | …" with a blank first heading, or "Recommendation | Action | …", numbers the rows
    # in the first column.
    if action_columns and not has_ref and (action_columns[0] > 0 and not texts[0] or action_columns[1:]):
        kinds[0] = ("ref", "")
    found = {kind[0] for kind in kinds if kind}
    if not {"ref", "action"} <= found:
        return None
    return _with_rounds(kinds)


def _with_rounds(kinds: list[Column | None]) -> list[Column | None]:
    progress_rounds = [kind[1] for kind in kinds if kind and kind[0] == "progress"]
    last = progress_rounds[-1] if progress_rounds else ""
    columns, current = [], None
    for kind in kinds:
        if kind and kind[0] == "progress":
            current = kind[1]
        elif kind and kind[0] in ROUND_KINDS:
            kind = (kind[0], current if current is not None else last)
        columns.append(kind)
    return columns


def column_kind(text: str) -> Column | None:
    """What a heading names, and for progress the round it names ("" if none); None for a column not read."""
    words = " ".join(text.lower().split()).rstrip(":.").strip()
    if words in _REF:
        return ("ref", "")
    if words in _RATING or words.startswith("rag "):
        return ("rag", "")
    if "progress" in words or words.startswith(("update", "latest update")):
        return ("progress", month_year(text))
    if "impact" in words:
        return ("impact", "")
    if any(word in words for word in _MEASURE):
        return ("success_measure", "")
    return _owner_kind(words) or _action_or_target(words)


def _owner_kind(words: str) -> Column | None:
    if words in _LEAD_OFFICER:
        return ("lead_officer", "")
    if words in _RESPONSIBILITY or "responsib" in words:
        return ("responsibility", "")
    if words in _LEAD_AGENCY or words.startswith(("lead agenc", "lead partner")):
        return ("lead_agency", "")
    return None


def _action_or_target(words: str) -> Column | None:
    if words.startswith(_TARGET):
        return ("target", "")
    if words.startswith(_ACTION):
        return ("action", "")
    return None


def month_year(text: str) -> str:
    match = _MONTH_YEAR.search(text)
    return match[0] if match else ""
