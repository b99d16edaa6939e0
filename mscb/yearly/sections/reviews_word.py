"""The Word file's case reviews section, from the figures reviews.build gathered (as text rows)."""

from . import feedback_word as word

REVIEW_HEADER = ["Review", "Kind", "Status at the year's end", "Began", "Completed", "Published", "Closed"]
RECOMMENDATION_HEADER = ["Source", "No.", "Recommendation", "For", "Decision", "Status", "Actions"]
REASONS_HEADER = ["Source", "No.", "Decision", "Reasons"]
NONE_NAMED = "None named"
NO_ACTIONS = "None"
NOT_YET = "Not yet"


def review_rows(figures: dict) -> list[list[str]]:
    return [
        [
            review["name"],
            review["kind"],
            review["status"],
            review["began"] or "Not recorded",
            review["completed"] or NOT_YET,
            review["published"] or NOT_YET,
            review["closed"] or NOT_YET,
        ]
        for review in figures["reviews"]
    ]


def actions_text(entry: dict) -> str:
    """ "CS-1.1 (Open); CS-1.2 (Completed)", each with its text, as one cell."""
    actions = [f"{action['ref']} {action['text']} ({action['status']})" for action in entry["actions"]]
    return "\n".join(actions) or NO_ACTIONS


def recommendation_rows(entries: list[dict]) -> list[list[str]]:
    return [
        [
            f"{entry['kind']}: {entry['source']}",
            str(entry["number"]),
            entry["text"],
            ", ".join(entry["agencies"]) or NONE_NAMED,
            entry["decision"] + (f" ({entry['decided_on']})" if entry["decided_on"] else ""),
            entry["status"],
            actions_text(entry),
        ]
        for entry in entries
    ]


def reasons_rows(entries: list[dict]) -> list[list[str]]:
    return [[entry["source"], str(entry["number"]), entry["decision"], entry["decision_reasons"]] for entry in entries]


RECOMMENDATION_SHARES = [0.14, 0.05, 0.25, 0.12, 0.12, 0.1, 0.22]
REVIEW_SHARES = [0.16, 0.18, 0.14, 0.13, 0.13, 0.13, 0.13]
REASONS_SHARES = [0.2, 0.06, 0.16, 0.58]
REVIEWS_CAPTION = "Case reviews open or active in the year"
NO_REVIEWS = "No case review was open or active in the year."
# The two kinds of recommendation, each under its heading: (figures' key, key of those not accepted, heading).
RECOMMENDATION_GROUPS = [
    ("recommendations", "not_accepted", "Recommendations of case reviews"),
    ("other_recommendations", "others_not_accepted", "Other recommendations"),
]


def decisions_caption(heading: str) -> str:
    return f"{heading}: decisions and actions"


def reasons_caption(heading: str) -> str:
    return f"{heading} not accepted in full, and why"


def write_word(document, figures: dict) -> None:
    """The reviews active in the year, their recommendations' decisions and actions, then other sources'."""
    if not figures:
        return
    if figures["reviews"]:
        word.text_table(document, REVIEWS_CAPTION, REVIEW_HEADER, review_rows(figures), REVIEW_SHARES)
    else:
        word.paragraph(document, NO_REVIEWS)
    for key, not_accepted_key, heading in RECOMMENDATION_GROUPS:
        _recommendations(document, figures, key, not_accepted_key, heading)


def _recommendations(document, figures: dict, key: str, not_accepted_key: str, heading: str) -> None:
    if not figures[key]:
        return
    word.subheading(document, heading)
    rows = recommendation_rows(figures[key])
    word.text_table(document, decisions_caption(heading), RECOMMENDATION_HEADER, rows, RECOMMENDATION_SHARES)
    if figures[not_accepted_key]:
        rows = reasons_rows(figures[not_accepted_key])
        word.text_table(document, reasons_caption(heading), REASONS_HEADER, rows, REASONS_SHARES)
