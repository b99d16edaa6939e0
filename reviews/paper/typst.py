"""The case reviews and CDOP sections as the PDF's Typst templates (reviews.typ, cdop.typ) draw them.

The texts come from the Word writer's helpers (word.py) and the rows from the objectives table's own
(objectives.paper.typst_data), so the PDF, the page and the Word file say the same thing.
"""

from objectives.paper.layout import section_layout
from objectives.paper.snapshot import PaperRow, PaperSection, from_data
from objectives.paper.typst_data import row_cells, table_columns, text_parts

from . import word


def _rows(rows: list[dict], layout) -> list[dict]:
    return [row_cells(row if isinstance(row, PaperRow) else from_data(PaperRow, row), layout) for row in rows]


def case_reviews_data(section: PaperSection) -> dict:
    """The case reviews' tables and texts; a section holding no reviews prints its heading and an empty table."""
    layout = section_layout(section.data.get("round_label", ""))
    reviews = section.data.get("reviews", [])
    counted = [count["label"] for count in reviews[0]["rag_counts"]] if reviews else []
    return {
        "title": section.title,
        "summary_caption": section.data.get("summary_caption", word.SUMMARY_CAPTION),
        "summary_headings": word.SUMMARY_HEADER + counted,
        "summary_rows": word.summary_rows(section) if reviews else [],
        "columns": table_columns(layout),
        "reviews": [
            {
                "name": review["name"],
                # Publications stored before the paper printed what each review is about have no summary.
                "about": text_parts(review.get("summary", "")),
                "caption": f"{review['name']}: recommendations and actions",
                "groups": [
                    {
                        "heading": f"Recommendation {recommendation['number']}",
                        "text": text_parts(recommendation["text"]),
                        "rows": _rows(recommendation["actions"], layout),
                        "empty": word.NO_ACTIONS_IN_PLAN,
                    }
                    for recommendation in review["recommendations"]
                ],
                "no_recommendations": word.NO_RECOMMENDATIONS,
            }
            for review in reviews
        ],
    }


def cdop_data(section: PaperSection) -> dict:
    """The panel's year and actions; a section holding neither prints its heading and says it has no actions."""
    layout = section_layout(section.data.get("round_label", ""))
    year = section.data.get("year")
    groups = section.data.get("action_groups", [])
    drawn_year = None
    if year:
        totals, categories = word.figure_rows(year), word.category_rows(year)
        drawn_year = {
            "heading": f"Figures for {year['title']}"
            if totals or categories
            else f"The panel's report for {year['title']}",
            "totals_caption": f"Deaths reviewed in {year['title']} (year ending {year['ends']})",
            "totals": totals,
            "categories_caption": f"Deaths reviewed in {year['title']} by category",
            "categories": categories,
            # Publications from before the narrative existed have no "narrative" key.
            "texts": [
                {"label": label, "text": text_parts(text)}
                for label, text in (
                    ("Main messages", year["summary"]),
                    ("The panel's report", year.get("narrative", "")),
                )
                if text
            ],
        }
    return {
        "title": section.title,
        "year": drawn_year,
        "actions_caption": word.cdop_actions_caption(section) if groups else "",
        "columns": table_columns(layout),
        # A heading per year only when actions come from more than one year's report.
        "groups": [
            {
                "heading": f"From the {group['title']} annual report" if len(groups) > 1 else "",
                "text": [],
                "rows": _rows(group["actions"], layout),
                "empty": "",
            }
            for group in groups
        ],
        "no_actions": word.NO_CDOP_ACTIONS,
    }
