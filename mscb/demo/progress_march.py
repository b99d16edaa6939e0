"""The story's March 2026 progress report: the third round of the demo plan, still open, by action ref.

The board manager is part-way through it: some updates are accepted, some submitted and waiting
for review, some still drafts, one returned with a comment, and several actions have nothing yet
(1.1.6, 1.1.9, 2.1.2, 2.2.3, 2.3.1, 2.3.2, 3.1.2, 3.2.1 and 3.2.2). Each update names its state;
times are in the board's own time zone. One accepted update (1.1.3) has no rating, as a board may choose.
"""

from datetime import date

from .times import in_open_round as _at

ROUND = {
    "as_of": date(2026, 3, 31),
    "deadline": date(2026, 3, 13),
    "updates": {
        "1.1.1": {
            "state": "submitted",
            "submitted_at": _at(10, 16, 20),
            "rag": "green",
            "progress": (
                "The exploitation audit took place in January and the early help audit in March, so all four "
                "themed audits are complete. A summary of the four audits goes to the quality assurance and case "
                "review subgroup in April."
            ),
            "impact": (
                "In the early help audit, 8 of the 10 families said they knew who their lead practitioner was, "
                "compared with 5 of 10 in the audit a year ago."
            ),
        },
        "1.1.3": {
            "state": "accepted",
            "submitted_at": _at(4, 11, 5),
            "accepted_at": _at(6, 9, 30),
            # Left unrated on purpose: the subgroup rates the action plans once it has checked them all.
            "rag": "",
            "progress": (
                "Every agency's Section 11 action plan has been received. The subgroup checked the first six in "
                "February and asked two agencies for dates against their safer recruitment actions.\n\n"
                "No rating is given this quarter: the subgroup will rate the action plans when it has checked "
                "all 11, in June."
            ),
            "impact": "",
        },
        "1.1.4": {
            "state": "returned",
            "submitted_at": _at(9, 14, 45),
            "return_comment": (
                "Thank you. Please say how many strategy discussions were audited, and add the figures for "
                "health attendance, so the committee can see the change since December."
            ),
            "rag": "amber",
            "progress": (
                "The re-audit of strategy discussions is complete. Health attendance has improved, and the "
                "police now send a written record of every discussion within one working day."
            ),
            "impact": "",
        },
        "1.1.5": {
            "state": "draft",
            "rag": "amber",
            "progress": "The third quarter's dip sample is done; the practitioners' findings are being written up.",
            "impact": "",
        },
        "1.1.8": {
            "state": "draft",
            "rag": "green",
            "progress": "50 of the 52 GP practices have a named safeguarding lead.",
            "impact": "",
        },
        "1.1.10": {
            "state": "accepted",
            "submitted_at": _at(5, 10, 0),
            "accepted_at": _at(6, 9, 40),
            "rag": "green",
            "progress": (
                "The third briefing was published in January. It covered the Section 11 challenge event and the "
                "findings of the domestic abuse audit."
            ),
            "impact": "Four teams have asked for the briefing to be discussed at a team meeting.",
        },
        "1.2.1": {
            "state": "submitted",
            "submitted_at": _at(11, 9, 15),
            "rag": "amber",
            "progress": (
                "The Child M review was published in February. The multi-agency action plan has 9 actions; the "
                "police and the hospitals trust have completed the first two."
            ),
            "impact": "",
        },
        "1.2.2": {
            "state": "accepted",
            "submitted_at": _at(3, 15, 30),
            "accepted_at": _at(4, 8, 50),
            "rag": "green",
            "progress": (
                "One rapid review took place in January; its seven-minute briefing followed within three weeks."
            ),
            "impact": (
                "A check three months after the October briefing found that 11 of the 14 teams asked had "
                "discussed it in a team meeting."
            ),
        },
        "2.2.2": {
            "state": "submitted",
            "submitted_at": _at(12, 17, 5),
            "rag": "green",
            "progress": (
                "The exploitation meeting has met every month. Since December it has also looked at children "
                "missing from education, with the education welfare service attending."
            ),
            "impact": (
                "Of the 21 young people discussed since December, 17 now have a safety plan agreed by their "
                "school, their family and the meeting."
            ),
        },
        "3.1.1": {
            "state": "accepted",
            "submitted_at": _at(2, 12, 0),
            "accepted_at": _at(3, 10, 10),
            "rag": "green",
            "progress": (
                "Between January and March:\n\n"
                "- 14 courses ran, with 301 places taken\n"
                "- the full-day domestic abuse course ran twice, attended by 47 practitioners"
            ),
            "impact": (
                "At the three-month follow-up, practitioners rated their confidence in recognising coercive "
                "control at 4.1 out of 5, against 2.9 before the course."
            ),
        },
    },
}
