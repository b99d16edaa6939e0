"""The yearly report's sections, in the order the report reads, as Working Together 2023 lists its content.

Each section module under mscb/yearly/sections/ declares one YearlySection. Its `build(plan)` gathers the
figures from the product's own data as a JSON-ready dict (stored in YearlyReport.figures when the draft is
generated, so the narrative is written against figures that hold still); `template_name` draws them for the
page and the standalone file with `figures`, `narrative` and `section` in its context; `pdf_blocks(figures)` gives
them as the PDF's blocks (mscb.yearly.typst_parts, laid out by Typst); `write_word(document, figures)` appends them
to the Word file. The narrative box under each section is stored by `key`, so a key never changes.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.module_loading import import_string


@dataclass(frozen=True)
class YearlySection:
    key: str
    title: str
    # What the guidance asks this section to show, beside the manager's narrative box.
    asks_for: str
    build: Callable[..., dict]
    template_name: str
    pdf_blocks: Callable[[dict], list[dict]]
    write_word: Callable[..., None]


ORDER = [
    "mscb.yearly.sections.partners.SECTION",
    "mscb.yearly.sections.priorities.SECTION",
    "mscb.yearly.sections.little_progress.SECTION",
    "mscb.yearly.sections.impact.SECTION",
    "mscb.yearly.sections.training.SECTION",
    "mscb.yearly.sections.reviews.SECTION",
    "mscb.yearly.sections.cdop.SECTION",
    "mscb.yearly.sections.feedback.SECTION",
    "mscb.yearly.sections.budget.SECTION",
]


def sections() -> list[YearlySection]:
    return [import_string(path) for path in ORDER]


def section_for(key: str) -> YearlySection | None:
    return next((section for section in sections() if section.key == key), None)
