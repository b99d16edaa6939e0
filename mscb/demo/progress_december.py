"""The story's December 2025 progress report: the second round of the demo plan, by action ref.

Completed actions reported in September are not reported again, one action is reported for the
first time, and two have no progress in either round, as happens in a real plan.
"""

from datetime import date

from .times import reported_round

ROUND = reported_round(
    as_of=date(2025, 12, 31),
    deadline=date(2025, 12, 12),
    reported_on=date(2026, 1, 23),
    updates={
        "1.1.1": {
            "rag": "green",
            "progress": (
                "Two of the four audits are complete. The domestic abuse audit took place in October, with 10 "
                "cases and auditors from 8 agencies.\n\n"
                "Its main findings were:\n"
                "- the child's own words were recorded in 6 of the 10 cases\n"
                "- safety plans named the non-abusing parent's support network in only 3 cases\n"
                "- information from the school notification scheme was on the social care record in every case\n\n"
                "The exploitation audit is booked for January and the early help audit for March."
            ),
            "impact": (
                "After the neglect audit, children's social care added a chronology check to supervision. A "
                "re-audit of 10 neglect cases in November found chronologies up to date in all 10."
            ),
        },
        "1.1.3": {
            "rag": "green",
            "progress": (
                "All 11 agencies returned their Section 11 self-assessment. The challenge event on 20 November "
                "was attended by senior leaders from every agency, and each agency was challenged by two peers on "
                "its weakest standard.\n\n"
                "Three themes were common to most agencies:\n"
                "- safer recruitment checks for volunteers\n"
                "- how children's views shape the service\n"
                "- supervision for staff who do not work in safeguarding every day\n\n"
                "Each agency has an action plan, which the quality assurance and case review subgroup will check "
                "in June."
            ),
            "impact": 'The number of standards rated "not met" fell from 14 in the last round (2023) to 6 this year.',
        },
        "1.1.4": {
            "rag": "amber",
            "progress": (
                "All 40 strategy discussions have been audited. The report was delayed by the availability of the "
                "police auditor and will now go to the subgroup in January, past the October target.\n\n"
                "The findings so far:\n"
                "- 34 of 40 discussions were held within one working day of the referral\n"
                "- a health professional took part in 26 of 40 (65%)\n"
                "- education was invited in 18 of the 29 cases of school-age children"
            ),
            "impact": (
                "The ICB has asked its named nurses to cover a daily slot for strategy discussions from January, "
                "so that health can join at short notice."
            ),
        },
        "1.1.5": {
            "rag": "green",
            "progress": (
                "The third dip sample (50 contacts from October) took place in November, with a GP joining the "
                "panel for the first time."
            ),
            "impact": (
                "The panel agreed with the front door's decision in 47 of 50 contacts (94%), up from 91% in the "
                "first two samples. Contacts from schools that went on to no further action fell from 38% to 29% "
                "after the front door began calling back the school on the same day."
            ),
        },
        "1.1.6": {
            "rag": "amber",
            "progress": (
                "The survey opened on 3 November in 14 secondary schools and closes on 30 January. Two youth "
                "forums chose the questions and tested them with their members.\n\n"
                "So far 1,184 young people have replied. Responses from two parts of the county are low, so the "
                "youth service will run sessions in their youth clubs in January."
            ),
            "impact": (
                "Early replies show that 71% of young people know an adult at school they could talk to if they "
                "were worried, and 38% know how to contact children's social care."
            ),
        },
        "1.1.7": {
            "rag": "complete",
            "progress": (
                "The review of escalations went to the board on 27 November. Agencies raised 87 escalations in "
                "2024/25, most about decisions at the front door and the closure of cases.\n\n"
                "The board agreed to:\n"
                "- add a short escalation form to the partnership website\n"
                "- report escalations to the board twice a year\n"
                "- remind managers that an escalation is resolved only when the person who raised it is told the "
                "outcome"
            ),
            "impact": (
                "74 of the 87 escalations (85%) were resolved at the first stage, within the five working days "
                "the policy sets."
            ),
        },
        "1.1.8": {
            "rag": "red",
            "progress": (
                "46 of the 52 GP practices have confirmed a named safeguarding lead. The remaining 6 practices "
                "have had staff changes; the ICB has written to each practice manager and will report them to the "
                "primary care contracting team if there is no reply by the end of January.\n\n"
                "The audit of child protection alerts has not started because the search needed on the GP records "
                "system is not yet available. The ICB now expects it in February, after the January target."
            ),
            "impact": "",
        },
        "1.1.10": {
            "rag": "green",
            "progress": (
                "The second briefing came out in October, covering the Section 11 returns and the front door dip "
                "samples. The third is planned for January."
            ),
            "impact": (
                "The October briefing was opened by 744 people, up from 612 in July. It is now used in the "
                "induction of new staff in children's social care and the community health trust."
            ),
        },
        "1.2.1": {
            "rag": "green",
            "progress": (
                "The review of Child M was agreed by the board in December and will be published in February with "
                "the action plan. It makes 6 recommendations, each led by one or more agencies.\n\n"
                "Agencies have begun work on the two most urgent recommendations: sharing information about "
                "adults' risks with the front door, and joint visits by health and social care when a baby is "
                "discharged from hospital on a child protection plan."
            ),
            "impact": "",
        },
        "1.2.2": {
            "rag": "green",
            "progress": (
                "One more rapid review took place in October, and its seven-minute briefing followed in November. "
                "The three-month check for the first two briefings has been done by e-mail survey."
            ),
            "impact": (
                "Of the 63 team managers who replied, 51 (81%) had used a briefing in a team meeting, and 17 "
                "described a change to how their team works, such as asking about the adults in a household at "
                "the first visit."
            ),
        },
        "2.1.2": {
            "rag": "amber",
            "progress": (
                "The revised referral form now lists each child in the household with their school or nursery, "
                "and was tested at two MARAC meetings in November.\n\n"
                "The new pathway still needs the agreement of the domestic abuse strategic board, which next "
                "meets in January, so the December target has been missed."
            ),
            "impact": (
                "At the two test meetings, every child in the 31 households discussed had a named agency "
                "responsible for checking on them, against 19 of 33 households in the two meetings before."
            ),
        },
        "2.2.2": {
            "rag": "green",
            "progress": (
                "The meeting has met every month, and now shares its map of places and peer groups with the "
                "community safety partnership.\n\n"
                "- 46 young people were discussed between October and December\n"
                "- 9 locations were referred for a joint visit by police and licensing\n"
                "- 3 adults were disrupted through civil orders"
            ),
            "impact": (
                "Of the young people discussed in the first six months, 22 of 35 were assessed as at lower risk "
                "at their last review than when first discussed. Missing episodes for this group fell from 71 in "
                "the first quarter to 44 in the third."
            ),
        },
        "2.2.3": {
            "rag": "red",
            "progress": (
                "Two hotels have had their staff trained (38 people). No taxi firms or late-night food businesses "
                "have taken part yet: the licensing team cannot make training a condition of a licence until the "
                "council changes its policy, which it will consider in March.\n\n"
                "The board is asked to write to the chairs of the licensing and the regulatory committees in "
                "support of the change."
            ),
            "impact": (
                "36 of the 38 hotel staff trained said they now know how to report a concern, and one hotel has "
                "since made two reports to the police."
            ),
        },
        "2.3.1": {
            "rag": "green",
            "progress": (
                "The toolkit is in use by early help and children's social care, and health visitors began using "
                "it in December after their training.\n\n"
                "- 212 practitioners trained\n"
                "- the toolkit was used in 148 assessments between October and December"
            ),
            "impact": (
                "In the 148 assessments the toolkit was used in, a parent's own view of their child's needs was "
                "recorded in 131 (89%). The neglect audit in 2026 will test whether plans change sooner."
            ),
        },
        "2.3.2": {
            "rag": "amber",
            "progress": (
                "The consultation closed with comments from 19 GP practices, most asking for one contact point "
                "when a child is not brought to repeated appointments. The named nurses are revising the policy, "
                "and the new version will go to both trusts' safeguarding committees in February, after the "
                "January target."
            ),
            "impact": (
                "While the policy is revised, the named nurses follow up every child not brought to two "
                "appointments in a row: 27 children were followed up this quarter, and 4 were referred to early "
                "help."
            ),
        },
        "3.1.1": {
            "rag": "green",
            "progress": (
                "The programme ran to plan this quarter:\n\n"
                "- 24 more courses, 511 places taken (1,153 this year)\n"
                "- the domestic abuse course ran 3 more times (175 practitioners this year)\n"
                "- non-attendance fell to 4% of places, from 6% in the first half of the year\n\n"
                "The three-month follow-up for the first domestic abuse courses is complete."
            ),
            "impact": (
                "Three months after the domestic abuse course, practitioners still rated their confidence in "
                "recognising coercive control at 4.1 out of 5 (2.9 before the course). 62% gave an example of "
                "using the course in their work, most often in safety planning with a parent."
            ),
        },
        "3.1.2": {
            "rag": "green",
            "progress": (
                "Evening sessions at community venues have made the difference. Four more sessions ran in October "
                "and November."
            ),
            "impact": (
                "61 people from 38 groups have now attended, including 15 faith groups. 12 groups have since "
                "asked the board for a safeguarding policy template."
            ),
        },
        "3.2.1": {
            "rag": "not_started",
            "progress": (
                "Not started. The youth council asked to lead the campaign themselves and will choose its theme "
                "at their February meeting, with support from Families Together. The work will carry over into "
                "the 2026/27 plan."
            ),
            "impact": "",
        },
    },
)
