"""The demo board's partner agencies and its business plan: aims, objectives and actions, in the story's calendar.

Lead agencies are named by their short name. A target is written as boards write it ("March
2026" for a month, "2025-10-31" for a day), and `revised_targets` are the later dates it was moved
to, in order, so the plan keeps the first target and counts the slips. Beside the agencies an
action may name a responsibility in the board's words ("Chair / DCS") and a lead officer, and
most say how success is measured. Completed actions say when they were completed. Dates and years are the
story's (the plan 2025/26 seen in March 2026); `times.DemoCalendar` moves them to the year the demo is loaded in.
"""

from datetime import date

AGENCIES = [
    {"name": "Eastmere Council Children's Services", "short_name": "Children's Services", "is_statutory_partner": True},
    {"name": "Eastmere Constabulary", "short_name": "Police", "is_statutory_partner": True},
    {"name": "NHS Eastmere Integrated Care Board", "short_name": "ICB", "is_statutory_partner": True},
    {"name": "Eastmere Hospitals NHS Foundation Trust", "short_name": "Hospitals Trust"},
    {"name": "Eastmere Community Health NHS Trust", "short_name": "Community Health"},
    {"name": "Eastmere Probation Delivery Unit", "short_name": "Probation"},
    {"name": "Family Court Advisory Service, Eastmere team", "short_name": "Family Court Advisers"},
    {"name": "Eastmere Schools and Colleges Safeguarding Network", "short_name": "Schools"},
    {"name": "Eastmere Youth Justice Service", "short_name": "Youth Justice"},
    {"name": "Fenhollow Housing Association", "short_name": "Fenhollow Housing"},
    {"name": "Eastmere Families Together (voluntary sector)", "short_name": "Families Together"},
]

PLAN = {"title": "2025/26", "starts_on": date(2025, 4, 1), "ends_on": date(2026, 3, 31)}

AIMS = [
    {
        "number": "1",
        "title": "Partners' work keeps children safe, and we can show it",
        "strategic_lead": "Director of Children's Services",
        "objectives": [
            {
                "ref": "1.1",
                "title": "Show how partners' work improves children's lives",
                "actions": [
                    {
                        "ref": "1.1.1",
                        "text": "Run four themed multi-agency audits (neglect, domestic abuse, exploitation and "
                        "early help) and report the findings to the quality assurance and case review subgroup.",
                        "leads": ["Children's Services", "ICB"],
                        "responsibility": "Quality Assurance and Case Review Sub-Group",
                        "lead_officer": "Priya Ramanathan, Head of Quality Assurance",
                        "success_measure": "Four audit reports to the sub-group; each finding has an action agreed "
                        "by the agencies audited.",
                        "target": "March 2026",
                    },
                    {
                        "ref": "1.1.2",
                        "text": "Agree a partnership performance dataset of no more than 30 measures and report it "
                        "to the board every quarter.",
                        "leads": ["Children's Services", "Police", "ICB"],
                        "success_measure": "A dataset of no more than 30 measures, reported to every quarterly board "
                        "meeting.",
                        "target": "2025-06-30",
                        "completed_on": date(2025, 6, 26),
                    },
                    {
                        "ref": "1.1.3",
                        "text": "Complete the Section 11 self-assessment with every relevant agency and hold a "
                        "challenge event to test the returns.",
                        "leads": ["Children's Services"],
                        "responsibility": "Board manager",
                        "success_measure": "Every relevant agency returns its self-assessment; fewer standards rated "
                        "“not met” than in 2023.",
                        "revised_targets": ["June 2026"],
                        "target": "December 2025",
                    },
                    {
                        "ref": "1.1.4",
                        "text": "Audit the timeliness and quality of strategy discussions, checking that police, "
                        "health and children's social care all take part.",
                        "leads": ["Police", "Children's Services"],
                        "lead_officer": "Tom Fairweather, Detective Inspector, Public Protection",
                        "success_measure": "90% of strategy discussions held within one working day, with health "
                        "taking part in at least 80%.",
                        "revised_targets": ["December 2025", "January 2026"],
                        "target": "2025-10-31",
                    },
                    {
                        "ref": "1.1.5",
                        "text": "Test how the front door applies thresholds by dip-sampling 50 contacts each "
                        "quarter, with a practitioner from each statutory partner.",
                        "leads": ["Children's Services", "Police", "ICB"],
                        "success_measure": "The panel agrees with the front door's decision in at least 95% of "
                        "contacts sampled.",
                        "target": "March 2026",
                    },
                    {
                        "ref": "1.1.6",
                        "text": "Ask children and young people about the help they received, through a survey in "
                        "secondary schools and two youth forums.",
                        "leads": ["Schools", "Families Together"],
                        "success_measure": "At least 1,500 young people reply; the board publishes what it will "
                        "change as a result.",
                        "target": "February 2026",
                    },
                    {
                        "ref": "1.1.7",
                        "text": "Review how the escalation policy for resolving professional disagreements is used "
                        "and report the themes to the board.",
                        "leads": ["Children's Services"],
                        "responsibility": "Chair / DCS",
                        "success_measure": "A report of the themes to the board, and fewer disagreements escalated "
                        "past the second stage.",
                        "target": "2025-11-30",
                        "completed_on": date(2025, 11, 27),
                    },
                    {
                        "ref": "1.1.8",
                        "text": "Confirm a named safeguarding lead in every GP practice and audit the use of child "
                        "protection alerts on GP records.",
                        "leads": ["ICB"],
                        "lead_officer": "Grace Adebayo, Designated Nurse for Safeguarding",
                        "success_measure": "Every GP practice has a named safeguarding lead, and alerts are correct "
                        "on 9 in 10 records audited.",
                        "revised_targets": ["March 2026"],
                        "target": "January 2026",
                    },
                    {
                        "ref": "1.1.9",
                        "text": "Evaluate the joint approach of probation and children's social care to children "
                        "whose parents are on licence or a community sentence.",
                        "leads": ["Probation", "Children's Services"],
                        "target": "March 2026",
                    },
                    {
                        "ref": "1.1.10",
                        "text": "Publish a one-page briefing each quarter, “What we found, what we changed”, "
                        "drawing on audits, reviews and the dataset.",
                        "leads": ["Children's Services"],
                        "responsibility": "Business unit",
                        "success_measure": "Four briefings published, and read by teams in every statutory partner.",
                        "target": "March 2026",
                    },
                ],
            },
            {
                "ref": "1.2",
                "title": "Make sure learning from case reviews changes practice",
                "actions": [
                    {
                        "ref": "1.2.1",
                        "text": "Complete the local child safeguarding practice review (Child M) and agree a "
                        "multi-agency action plan for its recommendations.",
                        "leads": ["Children's Services", "Police", "Hospitals Trust"],
                        "responsibility": "Case Review Sub-Group",
                        "success_measure": "The review is published and every recommendation has an action with a "
                        "named lead.",
                        "revised_targets": ["March 2026"],
                        "target": "2026-01-31",
                    },
                    {
                        "ref": "1.2.2",
                        "text": "Issue a seven-minute briefing after every rapid review and check three months "
                        "later that teams have used it.",
                        "leads": ["Children's Services", "Community Health"],
                        "success_measure": "Two thirds of the teams asked have discussed each briefing three months "
                        "later.",
                        "target": "March 2026",
                    },
                ],
            },
        ],
    },
    {
        "number": "2",
        "title": "Children are protected from harm at home and in the community",
        "strategic_lead": "Detective Chief Superintendent, Eastmere Constabulary",
        "objectives": [
            {
                "ref": "2.1",
                "title": "Reduce the harm that domestic abuse does to children",
                "actions": [
                    {
                        "ref": "2.1.1",
                        "text": "Extend the school notification scheme so that a school hears before 9am the next "
                        "school day when police attend a domestic abuse incident at a pupil's home.",
                        "leads": ["Police", "Schools"],
                        "target": "September 2025",
                        "completed_on": date(2025, 9, 5),
                    },
                    {
                        "ref": "2.1.2",
                        "text": "Review the pathway for repeat referrals to the multi-agency risk assessment "
                        "conference (MARAC) so that the children in each household are considered.",
                        "leads": ["Police", "Fenhollow Housing"],
                        "lead_officer": "Tom Fairweather, Detective Inspector, Public Protection",
                        "success_measure": "Every repeat referral to MARAC names the children in the household and "
                        "what is planned for them.",
                        "target": "2025-12-31",
                    },
                ],
            },
            {
                "ref": "2.2",
                "title": "Protect children from exploitation inside and outside the home",
                "actions": [
                    {
                        "ref": "2.2.1",
                        "text": "Introduce one exploitation screening tool used by every partner.",
                        "leads": ["Police", "Youth Justice"],
                        "target": "2025-07-31",
                        "completed_on": date(2025, 7, 24),
                    },
                    {
                        "ref": "2.2.2",
                        "text": "Hold a monthly multi-agency exploitation meeting that maps the places, peer groups "
                        "and adults of concern.",
                        "leads": ["Police", "Children's Services", "Youth Justice"],
                        "responsibility": "Exploitation Sub-Group",
                        "success_measure": "Every young person discussed has a safety plan agreed with their school "
                        "and family.",
                        "target": "March 2026",
                    },
                    {
                        "ref": "2.2.3",
                        "text": "Train hotel, taxi and late-night food business staff to spot and report signs of "
                        "exploitation.",
                        "leads": ["Police", "Children's Services"],
                        "success_measure": "Staff from at least 30 businesses trained; reports to the police from "
                        "hotels and taxi firms rise.",
                        "target": "March 2026",
                    },
                ],
            },
            {
                "ref": "2.3",
                "title": "Recognise neglect early and respond to it",
                "actions": [
                    {
                        "ref": "2.3.1",
                        "text": "Adopt the Eastmere neglect toolkit across early help, health visiting and "
                        "children's social care.",
                        "leads": ["Children's Services", "Community Health"],
                        "success_measure": "The toolkit used in every neglect assessment, with the parent's view "
                        "recorded in 9 in 10.",
                        "revised_targets": ["March 2026"],
                        "target": "December 2025",
                    },
                    {
                        "ref": "2.3.2",
                        "text": "Agree one “was not brought” policy for children who miss health appointments, "
                        "used by the hospitals and community health trusts.",
                        "leads": ["Hospitals Trust", "Community Health"],
                        "lead_officer": "Marta Kowalczyk, Named Nurse for Safeguarding Children",
                        "success_measure": "One policy in use by both trusts; every child not brought twice is "
                        "followed up.",
                        "revised_targets": ["February 2026", "March 2026"],
                        "target": "2026-01-31",
                    },
                ],
            },
        ],
    },
    {
        "number": "3",
        "title": "Everyone who works with children knows what to do, and families know who to contact",
        "strategic_lead": "Chief Nurse, NHS Eastmere Integrated Care Board",
        "objectives": [
            {
                "ref": "3.1",
                "title": "Give the workforce the skills and confidence to keep children safe",
                "actions": [
                    {
                        "ref": "3.1.1",
                        "text": "Deliver the multi-agency training programme, including the full-day course "
                        "“Domestic abuse and safeguarding children”, and evaluate it three months later.",
                        "leads": ["Children's Services"],
                        "responsibility": "Training Sub-Group",
                        "lead_officer": "Owen Pritchard, Training Coordinator",
                        "timescale": "Across the financial year",
                        "success_measure": "Output: 1,200 places taken. Outcome: confidence still higher three "
                        "months after the course.",
                        "target": "March 2026",
                    },
                    {
                        "ref": "3.1.2",
                        "text": "Offer safer recruitment and allegations management sessions to voluntary, "
                        "community and faith groups.",
                        "leads": ["Families Together", "Children's Services"],
                        "timescale": "Across the financial year",
                        "success_measure": "People from at least 40 voluntary, community and faith groups attend.",
                        "target": "March 2026",
                    },
                ],
            },
            {
                "ref": "3.2",
                "title": "Make sure children, families and communities know who to contact",
                "actions": [
                    {
                        "ref": "3.2.1",
                        "text": "Work with the youth council on a campaign telling young people where to go when "
                        "they are worried about themselves or a friend.",
                        "leads": ["Schools", "Families Together"],
                        "timescale": "Once the youth council has chosen the campaign's theme",
                    },
                    {
                        "ref": "3.2.2",
                        "text": "Publish a short summary of this plan, and of progress against it, on the partnership "
                        "website for children, families and the public.",
                        "leads": ["Children's Services"],
                        "responsibility": "Business unit",
                        "success_measure": "A summary for children and one for adults, both on the website by the "
                        "end of March.",
                        "target": "March 2026",
                    },
                ],
            },
        ],
    },
]
