"""The Word file's multi-agency training section, from the figures training.build gathered (as text rows)."""

from training.paper import BY_THE_BOARD, RECORDED_HEADER

from . import feedback_word as word

COUNTS = ["Booked", "Attended", "Did not attend", "Did-not-attend rate"]
AGENCY_HEADER = ["Agency", "Staff who should train", *COUNTS, "Attended per 100 staff"]
COURSE_HEADER = ["Course", "Sessions run", "Places offered", *COUNTS]
EVALUATION_HEADER = ["Course", "Answered", "Relevance", "Quality", "Confidence before", "Confidence after", "Gain"]
FOLLOW_UP_HEADER = ["Course", "Sent the follow-up", "Answered", "Practice changed: yes", "Partly", "No"]
NOT_RECORDED = "not recorded"
# Each column's share of the text width, for Word and the PDF alike.
AGENCY_SHARES = [0.22, 0.12, 0.1, 0.1, 0.1, 0.12, 0.12]
COURSE_SHARES = [0.28, 0.1, 0.1, 0.1, 0.1, 0.1, 0.12]
EVALUATION_SHARES = [0.25, 0.12, 0.1, 0.1, 0.12, 0.12, 0.1]
FOLLOW_UP_SHARES = [0.25, 0.14, 0.12, 0.14, 0.1, 0.1]
RECORDED_SHARES = [0.25, 0.2, 0.1, 0.2, 0.2]
AGENCY_CAPTION = "Uptake by agency against its workforce"
EVALUATION_CAPTION = "After-session evaluations (means out of 5)"
FOLLOW_UP_CAPTION = "Three-month follow-ups: has practice changed?"


def _counts(row: dict) -> list[str]:
    return [str(row["booked"]), str(row["attended"]), str(row["did_not_attend"]), row["dna_rate"]]


def agency_rows(figures: dict) -> list[list[str]]:
    return [
        [
            row["label"],
            NOT_RECORDED if row["staff_count"] is None else str(row["staff_count"]),
            *_counts(row),
            row["per_100_staff_text"],
        ]
        for row in figures["agencies"]
    ]


def course_rows(figures: dict) -> list[list[str]]:
    rows = [*figures["courses"], figures["total"]] if figures["courses"] else []
    return [[row["label"], str(row["sessions_run"]), str(row["places"]), *_counts(row)] for row in rows]


def _evaluations(figures: dict) -> list[dict]:
    return [*figures["course_evaluations"], figures["evaluation"]] if figures["course_evaluations"] else []


def evaluation_rows(figures: dict) -> list[list[str]]:
    return [
        [
            row["label"],
            f"{row['answered']} of {row['attended']}",
            *(row["scores"][name] for name in ("relevance", "quality", "confidence_before", "confidence_after")),
            row["gain"],
        ]
        for row in _evaluations(figures)
    ]


def follow_up_rows(figures: dict) -> list[list[str]]:
    return [
        [
            row["label"],
            str(row["follow_up_sent"]),
            str(row["follow_up_answered"]),
            *(str(choice["count"]) for choice in row["practice_changed"]),
        ]
        for row in _evaluations(figures)
    ]


def recorded_rows(figures: dict) -> list[list[str]]:
    return [
        [figure["course"], figure["when"], str(figure["attended"]), figure["provider"] or BY_THE_BOARD, figure["note"]]
        for figure in figures["recorded"]
    ]


def write_word(document, figures: dict) -> None:
    """The summary, uptake by agency and by course, evaluations, follow-ups and the figures recorded elsewhere."""
    if not figures:
        return
    word.paragraph(document, figures["summary"])
    if figures["agencies"]:
        word.subheading(document, "Uptake by agency")
        word.text_table(document, AGENCY_CAPTION, AGENCY_HEADER, agency_rows(figures), AGENCY_SHARES)
    if figures["courses"]:
        word.subheading(document, "Uptake by course")
        word.text_table(document, "Uptake by course", COURSE_HEADER, course_rows(figures), COURSE_SHARES)
        word.subheading(document, "What attendees said")
        word.text_table(document, EVALUATION_CAPTION, EVALUATION_HEADER, evaluation_rows(figures), EVALUATION_SHARES)
        word.text_table(document, FOLLOW_UP_CAPTION, FOLLOW_UP_HEADER, follow_up_rows(figures), FOLLOW_UP_SHARES)
    if figures["recorded"]:
        word.subheading(document, "Training recorded by the board")
        word.text_table(document, "Training booked elsewhere", RECORDED_HEADER, recorded_rows(figures), RECORDED_SHARES)
