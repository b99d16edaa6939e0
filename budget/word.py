"""The year's budget in Word, from budget.figures: the totals, then the two tables, as the page shows them.

The committee paper and the yearly report both write it, each at its own text width, through the paper's
own table helper, so their tables look like every other table in the paper.
"""

from core.formats import pounds
from objectives.paper import word_tables

CONTRIBUTIONS_HEADER = ["Agency", "Agreed", "Paid so far", "Outstanding", "Given in kind", "Estimated value in kind"]
CONTRIBUTION_SHARES = [0.22, 0.13, 0.13, 0.16, 0.23, 0.13]
SPEND_HEADER = ["Heading", "Budgeted", "Spent", "Difference (budgeted less spent)"]
SPEND_SHARES = [0.4, 0.2, 0.2, 0.2]


def totals_lines(figures: dict) -> list[str]:
    """The totals as sentences, in the order the page lists them."""
    totals = figures["totals"]
    return [
        f"Pooled budget (agreed by the partners): {pounds(totals['pooled'])}",
        f"Paid in so far: {pounds(totals['paid'])}",
        f"Still to be paid: {pounds(totals['outstanding'])}",
        f"Given in kind (estimated value): {pounds(totals['in_kind_value'])}",
        f"Spent: {pounds(totals['spent'])}",
        f"Balance (paid in less spent): {pounds(totals['balance'])}",
    ]


def contribution_rows(figures: dict) -> list[list[str]]:
    """Each agency's row, then the totals row, as text."""
    rows = []
    for row in figures["contributions"]:
        outstanding = pounds(row["outstanding"])
        if row["overpaid"]:
            outstanding += f" (paid {pounds(row['overpaid'])} more than agreed)"
        rows.append(
            [row["agency"], pounds(row["agreed"]), pounds(row["paid"]), outstanding, row["in_kind"], _maybe(row)]
        )
    totals = figures["totals"]
    total_row = ["Total", pounds(totals["pooled"]), pounds(totals["paid"]), pounds(totals["outstanding"]), ""]
    return [*rows, [*total_row, pounds(totals["in_kind_value"])]]


def _maybe(row: dict) -> str:
    return pounds(row["in_kind_value"]) if row["in_kind_value"] else ""


def spend_rows(figures: dict) -> list[list[str]]:
    """Each heading's row, then the totals row, as text."""
    rows = [
        [line["heading"], pounds(line["budgeted"]), pounds(line["spent"]), pounds(line["difference"])]
        for line in figures["spend_lines"]
    ]
    totals = figures["totals"]
    return [*rows, ["Total", pounds(totals["budgeted"]), pounds(totals["spent"]), pounds(totals["difference"])]]


def write_budget(document, figures: dict, *, width: int, subheading_level: int) -> None:
    """Append the totals and the two tables (each under its subheading) to `document`, `width` wide."""
    for line in totals_lines(figures):
        document.add_paragraph(line)
    document.add_heading("Contributions by agency", level=subheading_level)
    if figures["contributions"]:
        _table(document, CONTRIBUTIONS_HEADER, CONTRIBUTION_SHARES, contribution_rows(figures), width)
    else:
        document.add_paragraph("No partner contributions are recorded.")
    document.add_heading("Spend by heading", level=subheading_level)
    if figures["spend_lines"]:
        _table(document, SPEND_HEADER, SPEND_SHARES, spend_rows(figures), width)
    else:
        document.add_paragraph("No spend is recorded.")


def _table(document, header: list[str], shares: list[float], rows: list[list[str]], width: int) -> None:
    widths = [int(width * share) for share in shares]
    table = word_tables.table(document, header, widths)
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.paragraphs[0].add_run(value)
    word_tables.finish(table, widths)
    word_tables.spacer(document)
