"""The Assurance section as the PDF's Typst template (assurance.typ) draws it: the page's and Word file's words."""

from objectives.paper.snapshot import PaperSection
from objectives.paper.typst_data import badge, text_parts

from . import word


def _section11(cycle: dict | None) -> dict | None:
    if not cycle:
        return None
    grid = cycle["grid"]
    return {
        "title": cycle["title"],
        "opened": f"Opened {cycle['opens']}; returns due by {cycle['deadline']}. {cycle['summary']}",
        "returns_caption": f"{cycle['title']}: returns by agency",
        "returns_headings": word.RETURNS_HEADER,
        "returns": word.returns_rows(cycle),
        "grid": grid
        and {
            "caption": f"{cycle['title']}: agreed ratings, published {grid['published']}",
            "headings": ["Agency"] + [f"Standard {item['number']}: {item['title']}" for item in grid["standards"]],
            # Each agreed rating as a badge in its colours and words; one with no colour in words alone.
            "rows": [
                [
                    row["agency"],
                    *(
                        {"badge": badge(rating["label"], rating["fill"], rating["text"])}
                        if rating["fill"]
                        else {"words": rating["label"]}
                        for rating in row["ratings"]
                    ),
                ]
                for row in grid["rows"]
            ],
        },
    }


def typst_data(section: PaperSection) -> dict:
    data = section.data
    counts = data["recommendations"]
    return {
        "title": section.title,
        "section11": _section11(data["section11"]),
        "audits_caption": f"{data['audits_caption']}:" if data["audits"] else "",
        "audits": [
            {
                "theme": audit["theme"],
                "held": f"Audit held {audit['held']}; completed {audit['completed']}.",
                "findings": text_parts(audit["findings"]),
            }
            for audit in data["audits"]
        ],
        "counts": counts
        and [
            {
                "caption": caption,
                "headings": [heading, "Recommendations"],
                "rows": [[row["label"], str(row["count"])] for row in rows],
            }
            for caption, heading, rows in (
                ("Recommendations by the board's decision", "Decision", counts["by_decision"]),
                ("Recommendations by status", "Status", counts["by_status"]),
            )
        ],
        "not_accepted": [
            {
                "heading": f"{item['source']}, recommendation {item['number']}: {item['decision'].lower()}",
                "text": text_parts(item["text"]),
                "reasons": text_parts(item["reasons"]),
                "decided": f"{item['decided']}.",
            }
            for item in data.get("not_accepted", [])
        ],
    }
