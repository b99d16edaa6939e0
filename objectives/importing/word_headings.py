"""The headings of a Word plan, and the refs in its first column, as the plan reader (word.py) finds them.

Aim 1: Partners' work keeps children safe         a top level: Aim, Priority, Theme or Outcome
Priority 1a Early Help and Prevention             (the title may follow without a colon if it starts
Theme 2 – Neglect                                  with a capital, as a heading does)
Strategic lead: Director of Children's Services   the top level's strategic lead
Obj 1.1 Show how partners' work improves lives    an objective (plans of aims, objectives and actions)
"""

import re
from dataclasses import dataclass

DASHES = r"[:.\-–—]"
# A ref as boards type it in a heading or the ref column: 1, 1a, 1.1.3, P1, 2.1b.
_REF = r"[A-Za-z]{0,3}-?\d+(?:[./-]?[A-Za-z0-9]+)*"
# "Aim 1: title", "Priority 1a Title" or "Aim 1" alone with the title in the next paragraph or cell.
_TOP = re.compile(
    rf"(?i:(?:strategic\s+)?(?:aim|priority|theme|outcome))\s*({_REF})\s*(?:{DASHES}\s*(.*)|\s+([A-Z].*))?",
    re.DOTALL,
)
_OBJECTIVE = re.compile(rf"obj(?:ective)?\.?\s*({_REF})\.?\s*{DASHES}?\s*(.*)", re.IGNORECASE | re.DOTALL)
_STRATEGIC_LEAD = re.compile(rf"strategic\s+leads?\s*(?:{DASHES}\s*)?(.*)", re.IGNORECASE | re.DOTALL)
# A ref cell: "1", "1.", "1.1.3", "Recommendation 1", "Rec. 2", "Action 3", "No. 4".
_REF_CELL = re.compile(rf"(?:(?:recommendation|rec|action|no|number)\.?\s*)?({_REF})\.?", re.IGNORECASE)


@dataclass
class Heading:
    """An aim (priority, theme) or objective: its ref, its title and, for the top level, its strategic lead."""

    ref: str
    title: str = ""
    strategic_lead: str = ""


def top_heading(text: str, others: list[str] = ()) -> Heading | None:
    """The top level a paragraph or row names; a row may give the title in the cells after the first."""
    match = _TOP.fullmatch(text)
    if not match:
        return None
    return Heading(match[1], title(match[2] or match[3] or "", others))


def objective_heading(text: str, others: list[str] = ()) -> Heading | None:
    match = _OBJECTIVE.fullmatch(text)
    return Heading(match[1], title(match[2], others)) if match else None


def strategic_lead(text: str, others: list[str] = ()) -> str | None:
    """Who a "Strategic lead: …" paragraph or row names; None if it is no such line."""
    match = _STRATEGIC_LEAD.fullmatch(text)
    return title(match[1], others) if match else None


def ref_in_cell(text: str) -> str:
    """The ref a ref cell gives, without a word before it ("Recommendation 1") or a full stop after it."""
    text = " ".join(text.split())
    match = _REF_CELL.fullmatch(text)
    return match[1] if match else text.removesuffix(".")


def is_ref(text: str) -> bool:
    """Whether a cell holds only a ref, so a table that starts with one carries on the plan."""
    return bool(_REF_CELL.fullmatch(" ".join(text.split())))


def title(first: str, others: list[str]) -> str:
    return " ".join(part for part in (first.strip(), *others) if part)
