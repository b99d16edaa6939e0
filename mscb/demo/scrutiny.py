"""A council scrutiny review's recommendations to the partnership: a flat numbered list on the council's 1–4 scale.

The Children and Young People's Scrutiny Committee reviewed the partnership in spring 2025 and made five
recommendations. The board reports on them to the committee, which reads its own columns and heading and rates
each recommendation on its four-point scale. The recommendations have no lead agency: the committee holds the
Chair and the Director of Children's Services (DCS) responsible, as its reports write them.
"""

from datetime import date

from objectives.models.shapes import LEVEL_NAMES, PlanShape, ReportColumn

from .times import reported_round

PLAN = {
    "title": "Scrutiny review of the partnership 2025",
    "starts_on": date(2025, 4, 1),
    "ends_on": date(2026, 3, 31),
    "shape": PlanShape.LIST,
    "scale": "four-point",
    "aim_name": LEVEL_NAMES[PlanShape.LIST][0],
    "objective_name": LEVEL_NAMES[PlanShape.LIST][1],
    "action_name": "Recommendation",
    "report_columns": [
        ReportColumn.REF,
        ReportColumn.ACTION,
        ReportColumn.LEAD,
        ReportColumn.TARGET,
        ReportColumn.PROGRESS,
        ReportColumn.RATING,
    ],
    "progress_heading": "Progress presented to Committee <Mon YYYY>",
}

RECOMMENDATIONS = [
    {
        "ref": "1",
        "text": "The partnership should publish an annual report that says, in plain English, what difference its "
        "work has made for children, and present it to this committee each autumn.",
        "responsibility": "Chair / DCS",
        "target": "October 2025",
        "completed_on": date(2025, 10, 14),
    },
    {
        "ref": "2",
        "text": "The partnership should agree with schools and colleges how education takes part in the "
        "safeguarding arrangements, and report the agreement to this committee.",
        "responsibility": "Chair / DCS",
        "timescale": "To be confirmed once the new guidance is published",
    },
    {
        "ref": "3",
        "text": "Every councillor should attend safeguarding training within six months of their election, with a "
        "refresher in the second year of each term.",
        "responsibility": "Chair / DCS with the Head of Democratic Services",
        "target": "September 2025",
    },
    {
        "ref": "4",
        "text": "The partnership should set out how it hears from children and young people, and show this "
        "committee at least one change made each year because of what they said.",
        "responsibility": "Chair / DCS",
        "target": "March 2026",
    },
    {
        "ref": "5",
        "text": "The three statutory partners should agree a funding formula for the partnership for the next three "
        "years, setting out each partner's contribution.",
        "responsibility": "Chair / DCS",
        "target": "2025-09-30",
    },
]

# The committee met on 10 December 2025; its progress column reads "Progress presented to Committee Dec 2025".
ROUND = reported_round(
    as_of=date(2025, 12, 10),
    deadline=date(2025, 11, 21),
    reported_on=date(2025, 12, 10),
    updates={
        "1": {
            "rag": "1",
            "progress": (
                "The annual report for 2024/25 was published in September and presented to this committee on "
                "14 October. It opens with a page written for children and young people."
            ),
            "impact": "",
        },
        "2": {
            "rag": "2",
            "progress": (
                "Headteachers have nominated two representatives to the partnership's executive group while the "
                "national guidance on education's part in the arrangements is awaited. A written agreement will "
                "follow once the guidance is published."
            ),
            "impact": "",
        },
        "3": {
            "rag": "3",
            "progress": (
                "Training was offered on three dates after the review. 31 of the 48 councillors have attended; a "
                "further session for the remaining 17 is booked for January, after the September target."
            ),
            "impact": "",
        },
        "4": {
            "rag": "2",
            "progress": (
                "The youth council and two youth forums agreed how they will be heard: a standing item at the "
                "partnership's spring and autumn meetings, and a survey in secondary schools this winter."
            ),
            "impact": "",
        },
        "5": {
            "rag": "4",
            "progress": (
                "The partners agreed contributions for 2025/26 only. The council and the integrated care board "
                "could not commit beyond one year before their own budgets are set in February."
            ),
            "impact": "",
        },
    },
)
