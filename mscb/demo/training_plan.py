"""The Learning and Development Sub-Group's plan 2025/26: priorities, each with numbered actions, and no ratings.

The sub-group writes its plan as some boards do: priorities ("Priority 1a Early help and prevention") each
with a strategic lead, timescales in words, and an output or outcome measure for every action. It reports
progress without rating it, so its committee table leaves the rating column empty.
"""

from datetime import date

from objectives.models.shapes import LEVEL_NAMES, PlanShape, ReportColumn

from .times import reported_round

PLAN = {
    "title": "Learning and Development Sub-Group plan 2025/26",
    "starts_on": date(2025, 4, 1),
    "ends_on": date(2026, 3, 31),
    "shape": PlanShape.TWO_LEVEL,
    "scale": "rag",
    "aim_name": LEVEL_NAMES[PlanShape.TWO_LEVEL][0],
    "objective_name": LEVEL_NAMES[PlanShape.TWO_LEVEL][1],
    "action_name": LEVEL_NAMES[PlanShape.TWO_LEVEL][2],
    "report_columns": [
        ReportColumn.REF,
        ReportColumn.ACTION,
        ReportColumn.LEAD,
        ReportColumn.TARGET,
        ReportColumn.SUCCESS_MEASURE,
        ReportColumn.PROGRESS,
        ReportColumn.RATING,
    ],
    "progress_heading": "Progress report <Month YYYY>",
}

PRIORITIES = [
    {
        "number": "1a",
        "title": "Early help and prevention",
        "strategic_lead": "Head of Early Help, Eastmere Council",
        "actions": [
            {
                "ref": "1a.1",
                "text": "Run the early help assessment course for practitioners in schools, health and the "
                "voluntary sector.",
                "responsibility": "Training Sub-Group",
                "timescale": "Training programme to run across financial year 2025/26",
                "success_measure": "Output: 10 courses, 200 places taken. Outcome: more early help assessments "
                "started by partners other than children's services.",
            },
            {
                "ref": "1a.2",
                "text": "Publish a short guide for parents on where to get help early, written with parents.",
                "responsibility": "Families Together with the Training Sub-Group",
                "timescale": "By the spring term",
                "success_measure": "Output: the guide published and given to every school and GP practice.",
            },
        ],
    },
    {
        "number": "1b",
        "title": "Neglect",
        "strategic_lead": "Chief Nurse, NHS Eastmere Integrated Care Board",
        "actions": [
            {
                "ref": "1b.1",
                "text": "Train practitioners in every agency to use the Eastmere neglect toolkit.",
                "responsibility": "Neglect Champions' Network",
                "lead_officer": "Marta Kowalczyk, Named Nurse for Safeguarding Children",
                "target": "December 2025",
                "success_measure": "Outcome: the toolkit used in every neglect assessment audited in 2026.",
                "completed_on": date(2025, 12, 5),
            },
        ],
    },
    {
        "number": "2",
        "title": "Learning from reviews reaches the front line",
        "strategic_lead": "Independent Chair",
        "actions": [
            {
                "ref": "2.1",
                "text": "Hold a learning event after each local child safeguarding practice review is published.",
                "responsibility": "Chair / DCS",
                "timescale": "Within three months of each review's publication",
                "success_measure": "Output: an event for each review. Outcome: practitioners can name one change "
                "they made.",
            },
            {
                "ref": "2.2",
                "text": "Add the learning from this year's rapid reviews to the multi-agency training programme.",
                "responsibility": "Training Sub-Group",
                "lead_officer": "Owen Pritchard, Training Coordinator",
                "target": "March 2026",
                "success_measure": "Output: every course updated. Outcome: evaluations mention the learning.",
            },
        ],
    },
]

# Reported to the board without ratings, as the sub-group chose: the rating column stays empty.
ROUND = reported_round(
    as_of=date(2025, 12, 31),
    deadline=date(2025, 12, 12),
    reported_on=date(2026, 1, 23),
    updates={
        "1a.1": {
            "rag": "",
            "progress": "Five courses have run since the plan began, with 104 places taken.",
            "impact": "Partners other than children's services started 38% of early help assessments, up from 31%.",
        },
        "1a.2": {
            "rag": "",
            "progress": "Twelve parents have helped write the guide; the draft goes to the sub-group in January.",
            "impact": "",
        },
        "1b.1": {
            "rag": "",
            "progress": "All actions have been completed: 212 practitioners trained across every agency.",
            "impact": "",
        },
        "2.1": {
            "rag": "",
            "progress": "The learning event for the Child M review is booked for March, after its publication.",
            "impact": "",
        },
    },
)
