"""The story's September 2025 progress report: the first round of the demo plan, by action ref.

Texts are stored exactly as a board manager types them: one line per paragraph or bullet, a
blank line between paragraphs, and "- " before each bullet.
"""

from datetime import date

from .times import reported_round

ROUND = reported_round(
    as_of=date(2025, 9, 30),
    deadline=date(2025, 9, 19),
    reported_on=date(2025, 10, 24),
    updates={
        "1.1.1": {
            "rag": "amber",
            "progress": (
                "The neglect audit took place in July: 12 cases were chosen at random from children on a child "
                "protection plan for neglect, and each agency audited its own records before a joint moderation "
                "day.\n\n"
                "The domestic abuse audit was due in September but has moved to October because two agencies "
                "could not release auditors in the holidays."
            ),
            "impact": (
                "The neglect audit found that chronologies were up to date in 9 of the 12 cases, against 5 of 12 "
                "when the same theme was audited in 2023."
            ),
        },
        "1.1.2": {
            "rag": "complete",
            "progress": (
                "The board agreed the dataset of 28 measures in June. The first quarterly report went to the "
                "board in September and is now a standing item."
            ),
            "impact": (
                "The board asked for, and received, a deep dive on re-referrals within 12 months after the "
                "dataset showed a rise from 19% to 23%."
            ),
        },
        "1.1.3": {
            "rag": "green",
            "progress": (
                "Section 11 returns have been received from 10 of the 11 agencies; the last is due by the middle "
                "of October. The challenge event is booked for 20 November."
            ),
            "impact": "",
        },
        "1.1.4": {
            "rag": "amber",
            "progress": (
                "The audit tool is agreed and the sample of 40 strategy discussions from the first quarter has been "
                "drawn.\n\n"
                "Health attendance is the concern so far: in the first 20 cases reviewed, a health professional "
                "took part in 13."
            ),
            "impact": "",
        },
        "1.1.5": {
            "rag": "green",
            "progress": (
                "The first two quarterly dip samples are complete (100 contacts in all). Practitioners from "
                "children's social care, police and health reviewed each contact together."
            ),
            "impact": (
                "The panel agreed with the decision made at the front door in 91 of the 100 contacts. In the 9 "
                "others the panel would have shared information with more partners before deciding; the learning "
                "has gone to front door team meetings."
            ),
        },
        "1.1.6": {
            "rag": "not_started",
            "progress": (
                "Planned to start after the next half-term, so that schools are not asked at their busiest time. "
                "The questions are being drafted with two youth forums."
            ),
            "impact": "",
        },
        "1.1.7": {
            "rag": "green",
            "progress": (
                "Every agency has sent a log of the escalations raised in 2024/25. The "
                "analysis is under way and will go to the November board."
            ),
            "impact": "",
        },
        "1.1.8": {
            "rag": "amber",
            "progress": (
                "41 of the 52 GP practices have confirmed a named safeguarding lead. The ICB safeguarding team is "
                "contacting the remaining 11 practices directly."
            ),
            "impact": "",
        },
        "1.1.10": {
            "rag": "green",
            "progress": (
                "The first briefing was published in July and sent to all partner agencies. It covered the "
                "neglect audit, the new dataset and a rapid review."
            ),
            "impact": (
                "The briefing was opened by 612 people, and 3 teams asked for a manager to attend a team meeting "
                "to discuss it."
            ),
        },
        "1.2.1": {
            "rag": "amber",
            "progress": (
                "The reviewer has met practitioners from all the agencies involved, and the family have been "
                "invited to contribute. The first draft is expected in October, a month later than planned, "
                "because a criminal trial had to end before some practitioners could be interviewed."
            ),
            "impact": "",
        },
        "1.2.2": {
            "rag": "green",
            "progress": (
                "Two rapid reviews have taken place since the plan began; a seven-minute briefing followed each within "
                "four weeks."
            ),
            "impact": "",
        },
        "2.1.1": {
            "rag": "complete",
            "progress": (
                "Every school, college and pupil referral unit in Eastmere is now part of the scheme. Police send "
                "notifications from the control room each morning, and schools confirm receipt.\n\n"
                "- 214 of 214 schools and colleges signed up\n"
                "- 1,036 notifications sent by the end of August\n"
                "- a notification reached the school before 9am in 97% of cases"
            ),
            "impact": (
                "Designated safeguarding leads say they are able to check in with the child on the same morning; "
                "4 schools gave examples of a child disclosing further harm as a result."
            ),
        },
        "2.1.2": {
            "rag": "amber",
            "progress": (
                "The police and Fenhollow Housing have mapped the current pathway and found that the children in "
                "a household are often recorded only by the number of children, not by their names and schools. A "
                "revised referral form is being drafted."
            ),
            "impact": "",
        },
        "2.2.1": {
            "rag": "complete",
            "progress": (
                "The screening tool went live on 24 July after training for 120 practitioners. It replaces three "
                "different tools used by the police, youth justice and children's social care."
            ),
            "impact": (
                "In its first two months, 58 screenings were completed, and every one was discussed at the "
                "exploitation meeting within two weeks."
            ),
        },
        "2.2.2": {
            "rag": "green",
            "progress": (
                "The meeting has been held every month since May, chaired by a detective inspector and the head "
                "of the adolescent service. Attendance from health and education has been consistent."
            ),
            "impact": (
                "35 young people have been discussed since May. For 14 of them the meeting agreed a safety plan "
                "covering school, home and the places where they spend time, and none of the 14 has since been "
                "reported missing for more than 24 hours."
            ),
        },
        "2.2.3": {
            "rag": "red",
            "progress": (
                "The training materials are ready, but only 2 of the 9 hotels approached have agreed to release "
                "staff. The licensing team has been asked to help reach taxi and late-night food businesses."
            ),
            "impact": "",
        },
        "2.3.1": {
            "rag": "amber",
            "progress": (
                "The toolkit has been agreed by the neglect strategic group. Training for early help staff starts "
                "in October; health visiting asked for the roll-out to wait until their new records system is in "
                "place in November."
            ),
            "impact": "",
        },
        "2.3.2": {
            "rag": "green",
            "progress": (
                "A joint draft policy has been written by the named nurses of both trusts and is out for "
                "consultation with GP practices until 17 October."
            ),
            "impact": "",
        },
        "3.1.1": {
            "rag": "green",
            "progress": (
                "The programme for the year is published and bookings are open. Since the plan began:\n\n"
                "- 31 courses ran, with 642 places taken\n"
                "- the full-day domestic abuse course ran 4 times, attended by 96 practitioners from 14 agencies\n"
                "- 38 places were lost to non-attendance, charged back to the home agency"
            ),
            "impact": (
                "Practitioners rated their confidence in recognising coercive control at 2.9 out of 5 before the "
                "domestic abuse course and 4.3 straight after it. The three-month follow-up starts in October."
            ),
        },
        "3.1.2": {
            "rag": "amber",
            "progress": (
                "Two sessions have run for 23 people from 17 groups. Take-up from faith groups is lower than "
                "hoped; Families Together is arranging sessions at their usual meeting places in the evenings."
            ),
            "impact": (
                "Participants rated their confidence in responding to an allegation against a volunteer at 2.4 out "
                "of 5 before the session and 4.0 after it."
            ),
        },
    },
)
