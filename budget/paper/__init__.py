"""The committee paper's "Partner contributions and spend" section: the plan year's budget as at the paper's making.

Budget figures keep no as-of history (a contribution is one row edited as money arrives, not a dated series), so
the section shows them as they stand when the paper is built, and says so with the date; a published paper keeps
the figures it was made with. It appears only when the plan has a contribution or a spend line. mscb registers it
last, after Training.
"""

from django.utils import timezone

from core.formats import long_date
from objectives.paper.sections import SectionType
from objectives.paper.snapshot import PaperSection

from ..figures import figures_for
from ..selectors import budget_for
from .typst import typst_data
from .word import write_word

KIND = "budget"
TITLE = "Partner contributions and spend"


def build(*, plan, progress_round) -> PaperSection | None:
    """The plan year's budget as JSON-ready figures (two queries), or None when nothing is recorded."""
    budget = budget_for(plan)
    if budget.is_empty:
        return None
    # Today, not the round's as-of date: the figures have no history to read them back from.
    data = {"recorded_on": long_date(timezone.localdate()), **figures_for(budget)}
    return PaperSection(kind=KIND, title=TITLE, data=data)


SECTION = SectionType(
    kind=KIND,
    build=build,
    template_name="budget/_report_section.html",
    write_word=write_word,
    typst_template="/budget/paper/budget.typ",
    typst_data=typst_data,
)
