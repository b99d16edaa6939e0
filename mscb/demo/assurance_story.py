"""The demo's assurance story: the Section 11 returns, the case audit and the inspection, in the story's calendar.

Every agency's words, case and finding is invented; cases go by codes (A1 to A4). mscb.demo.assurance loads it.
"""

from datetime import date

from assurance.models import Section11Return
from core.models.decisions import Decision

SUBMITTED, MODERATED, DRAFT = (
    Section11Return.Status.SUBMITTED,
    Section11Return.Status.MODERATED,
    Section11Return.Status.DRAFT,
)

# The demo's framework, used only where the board has none yet.
STANDARDS = [
    (1, "Senior leadership and accountability", "A named senior lead answers for safeguarding children."),
    (2, "Safe recruitment and allegations", "Safer recruitment checks, and a clear route for allegations."),
    (3, "Training and supervision", "Staff are trained for their role and supervised in their safeguarding work."),
    (4, "Listening to children", "Children's views and experiences shape the service."),
    (5, "Information sharing", "Staff share information promptly and know the agreed local arrangements."),
    (6, "Learning from reviews and audits", "Learning from reviews and audits changes practice."),
]

# Each agency's return: ratings ("good", "partly", "weak") repeat over the standards in number order.
RETURNS = {
    "Children's Services": {
        "status": MODERATED,
        "submitted": date(2026, 2, 20),
        "moderated": date(2026, 3, 6),
        "ratings": ["good", "good", "partly"],
        "evidence": "Quarterly quality assurance reports; supervision audit of 40 case files.",
        "improvements": "Refresh supervision guidance and re-audit in six months.",
        "challenge": "The board asked for the re-audit's results before agreeing a higher rating.",
    },
    "ICB": {
        "status": MODERATED,
        "submitted": date(2026, 2, 24),
        "moderated": date(2026, 3, 6),
        "ratings": ["good", "partly", "good", "weak"],
        "evidence": "Designated professionals' annual report; GP practice safeguarding leads list.",
        "improvements": "Add children's feedback to the primary care safeguarding survey.",
        "challenge": "Agreed as rated: the evidence of children's voice in primary care is thin.",
    },
    "Hospitals Trust": {
        "status": SUBMITTED,
        "submitted": date(2026, 3, 2),
        "ratings": ["good", "partly"],
        "evidence": "Safeguarding training compliance at 88%; emergency department audit.",
        "improvements": "Raise level 3 training compliance in the emergency department.",
    },
    "Schools": {
        "status": SUBMITTED,
        "submitted": date(2026, 3, 9),
        "ratings": ["partly", "good"],
        "evidence": "Annual safeguarding returns from schools and colleges.",
        "improvements": "Follow up the schools that did not return their safeguarding audit.",
    },
    # Left for its officer to fill in and submit.
    "Police": {"status": DRAFT, "ratings": []},
}

AUDIT = {
    "theme": "Neglect in children under five",
    "held_on": date(2026, 1, 21),
    "completed_on": date(2026, 2, 11),
    "agencies": ["Children's Services", "Police", "ICB", "Schools"],
    "questions": [
        "Was neglect recognised early, and by whom?",
        "Did agencies share information promptly and act on what they heard?",
        "Was the child's daily lived experience understood and recorded?",
    ],
    # Each case's gradings by agency, one per question.
    "cases": {
        "A1": {"Children's Services": ["partly", "good", "partly"], "ICB": ["good", "partly", "weak"]},
        "A2": {"Children's Services": ["good", "good", "good"], "Police": ["partly", "partly", "partly"]},
        "A3": {"ICB": ["weak", "partly", "partly"], "Schools": ["partly", "good", "partly"]},
        "A4": {"Children's Services": ["partly", "weak", "partly"], "Police": ["good", "partly", "partly"]},
    },
    "findings": (
        "Health visitors recognised neglect early in three of the four cases.\n"
        "- Referrals described incidents rather than the build-up of concern over time.\n"
        "- Few records said what a day was like for the child."
    ),
    "learning": "Practitioners need a shared way of describing cumulative neglect in referrals.",
    "recommendations": [
        {
            "text": "Introduce a neglect screening tool for use by every agency before referral.",
            "agencies": ["Children's Services", "ICB"],
            "decision": Decision.ACCEPTED,
            "decided_on": date(2026, 2, 26),
            "actions": [
                {
                    "text": "Agree and launch a multi-agency neglect screening tool, with briefings for staff.",
                    "leads": ["Children's Services", "ICB"],
                    "target": "September 2026",
                }
            ],
        }
    ],
}

INSPECTION = {
    "title": "Joint targeted area inspection: children at risk of exploitation",
    "reported_on": date(2025, 6, 20),
    "summary": "Inspectors found strong partnership working at the front door and gaps in return home interviews.",
    "recommendations": [
        {
            "text": "Make sure every child missing from home is offered a return home interview within 72 hours.",
            "agencies": ["Children's Services", "Police"],
            "decision": Decision.ACCEPTED,
            "decided_on": date(2025, 7, 17),
            "actions": [
                {
                    "text": "Commission return home interviews to be offered within 72 hours, and report "
                    "take-up each quarter.",
                    "leads": ["Children's Services"],
                    "target": "June 2026",
                    "september": {
                        "rag": "amber",
                        "progress": "The service specification is drafted and out to consultation with partners.",
                    },
                    "december": {
                        "rag": "green",
                        "progress": "The service is commissioned; take-up is reported each quarter from January.",
                        "impact": "Interviews offered within 72 hours rose from 41% to 68% in the first month.",
                    },
                },
                {
                    "text": "Share missing episodes with the commissioned service by the next working day.",
                    "leads": ["Police"],
                    "target": "May 2026",
                    "september": {
                        "rag": "green",
                        "progress": "The missing persons coordinator sends each episode to the service every morning.",
                        "impact": "The service now reaches most children within three days of their return.",
                    },
                    "december": {
                        "rag": "green",
                        "progress": "Every missing episode this quarter was shared by the next working day.",
                        "impact": "Interviews now start sooner: the service hears of every episode the next morning.",
                    },
                },
            ],
        },
        {
            "text": "Improve the recording of exploitation risk in health records.",
            "agencies": ["ICB", "Hospitals Trust"],
            "decision": Decision.ACCEPTED,
            "decided_on": date(2025, 7, 17),
            "actions": [
                {
                    "text": "Add an exploitation risk prompt to emergency department triage notes.",
                    "leads": ["Hospitals Trust"],
                    "target": "July 2026",
                    "september": {
                        "rag": "amber",
                        "progress": "The prompt is designed; the triage system's supplier has a date to add it.",
                    },
                    "december": {
                        "rag": "amber",
                        "progress": "Testing found the prompt could be skipped; the supplier is making it required.",
                        "impact": "Staff in a pilot said the prompt helped them ask about exploitation.",
                    },
                }
            ],
        },
        {
            "text": "Set up a separate exploitation panel for each district of the county.",
            "agencies": ["Police", "Children's Services"],
            "decision": Decision.PARTLY_ACCEPTED,
            "reasons": "One county-wide panel with district leads serves a small county better than four panels; "
            "the board accepted the aim of local knowledge, not separate panels.",
            "decided_on": date(2025, 7, 17),
            "actions": [
                {
                    "text": "Name a district lead for each district on the county exploitation panel.",
                    "leads": ["Police"],
                    "target": "April 2026",
                    "september": {
                        "rag": "green",
                        "progress": "District leads are named for three of the four districts.",
                    },
                    "december": {
                        "rag": "green",
                        "progress": "All four district leads are named and attended the November panel.",
                        "impact": "District leads brought local knowledge of two places where children were at risk.",
                    },
                }
            ],
        },
        {
            "text": "Create a new exploitation team within the partnership's business unit.",
            "agencies": ["Children's Services"],
            "decision": Decision.NOT_ACCEPTED,
            "reasons": "The existing exploitation hub already does this work; a second team would duplicate it.",
            "decided_on": date(2025, 7, 17),
        },
    ],
}
