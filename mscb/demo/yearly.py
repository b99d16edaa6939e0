"""The demo's yearly report: the main plan's draft, its figures generated, with the board manager's narrative for
three sections so the page reads as a report in progress. Everything here is invented.

No PDF is made: the demo must load quickly, and the files are made when someone asks for them.
"""

from mscb.models import YearlyNarrative, YearlyReport
from mscb.yearly.services import generate_yearly_report
from objectives.models import BusinessPlan

NARRATIVES = {
    "partners": (
        "Every statutory partner led at least one action this year, and each took part in every progress round. "
        "The board met its deadlines for updates in all but one round.\n\n"
        "The arrangements worked best where two agencies led an action together: shared ownership made the "
        "difficult conversations happen earlier."
    ),
    "priorities": (
        "Most actions moved forward between the first and the last round of the year. The exceptions are set out "
        "in the next section, with what the partners are doing about each."
    ),
    "little-progress": (
        "The actions listed below are those the board's rules pick out: a low rating, a target date that has "
        "passed, or updates that did not arrive. Each has a named lead who will report to the next meeting."
    ),
}


def load_yearly(loader, business_plan: BusinessPlan) -> None:
    """Generate the plan's yearly report once, then write the three narratives it is missing."""
    report = YearlyReport.objects.filter(plan=business_plan).first()
    if report is None:
        report = generate_yearly_report(plan=business_plan, by=loader.manager)
        loader.created[YearlyReport] += 1
    for section, text in NARRATIVES.items():
        loader.ensure(
            YearlyNarrative, {"report": report, "section": section}, {"text": text, "updated_by": loader.manager}
        )
