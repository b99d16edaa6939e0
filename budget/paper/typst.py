"""The budget section as the PDF's Typst template (budget.typ) draws it: the Word file's words and rows."""

from objectives.paper.snapshot import PaperSection

from .. import word

NO_CONTRIBUTIONS = "No partner contributions are recorded."
NO_SPEND = "No spend is recorded."


def typst_data(section: PaperSection) -> dict:
    figures = section.data
    return {
        "title": section.title,
        "recorded": f"Figures as recorded on {figures['recorded_on']}.",
        "totals": word.totals_lines(figures),
        "contributions": {
            "headings": word.CONTRIBUTIONS_HEADER,
            "widths": word.CONTRIBUTION_SHARES,
            "rows": word.contribution_rows(figures) if figures["contributions"] else [],
            "empty": NO_CONTRIBUTIONS,
        },
        "spend": {
            "headings": word.SPEND_HEADER,
            "widths": word.SPEND_SHARES,
            "rows": word.spend_rows(figures) if figures["spend_lines"] else [],
            "empty": NO_SPEND,
        },
    }
