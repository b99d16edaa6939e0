"""Fictional, realistic text for the bench's plans: deterministic for a seed, about the length boards write."""

import random

SUBJECTS = [
    "The quality assurance subgroup",
    "The multi-agency audit group",
    "Children's social care and the police",
    "The health visiting service",
    "The designated safeguarding leads' network",
    "The early help partnership",
    "The youth justice service",
    "The learning and development subgroup",
]
DEEDS = [
    "audited twenty cases of neglect referred in the quarter and shared the findings with every partner",
    "ran four multi-agency workshops on the voice of the child, attended by 140 practitioners",
    "agreed a joint escalation protocol and published it on the partnership's website",
    "reviewed the threshold document with schools and early years settings",
    "tested the new referral pathway with three family hubs before rolling it out",
    "met monthly to track the recommendations of the last local practice review",
]
FINDINGS = [
    "the child's own words were recorded in {a} of 20 cases reviewed",
    "strategy discussions were held within the timescale in {a}% of cases",
    "{a} practitioners completed the course and rated it good or better",
    "repeat referrals within twelve months fell to {a}%",
    "{a} schools returned their safeguarding self-assessment on time",
]
IMPACTS = [
    "Repeat referrals fell from {a}% to {b}% over the year.",
    "{a} children were seen within five working days, up from {b}.",
    "Practitioners' confidence in escalating concerns rose from {b}% to {a}% in the follow-up survey.",
    "Missing episodes among looked-after children fell by {a}% against the same period last year.",
]
AIM_TITLES = [
    "Partners' work keeps children safe",
    "Children are listened to and their voices shape services",
    "Practitioners are skilled and confident",
    "Families get help early",
    "The partnership learns from reviews",
]


def action_text(rng: random.Random, ref: str) -> str:
    return f"Action {ref}: {rng.choice(DEEDS).capitalize()}, and report the findings to the board each quarter."


def progress(rng: random.Random) -> str:
    """About 1,000 characters: two paragraphs, a list of findings and a closing line, as a lead agency writes."""
    paragraphs = [
        f"{rng.choice(SUBJECTS)} {rng.choice(DEEDS)}. {rng.choice(SUBJECTS)} {rng.choice(DEEDS)}." for _ in range(2)
    ]
    bullets = "\n".join(f"- {rng.choice(FINDINGS).format(a=rng.randint(5, 19))}" for _ in range(4))
    return (
        f"{paragraphs[0]}\n\n{paragraphs[1]}\n\nThe audit found:\n{bullets}\n\nNext steps are agreed with each partner."
    )


def impact(rng: random.Random) -> str:
    high, low = rng.randint(20, 40), rng.randint(5, 19)
    return " ".join(rng.choice(IMPACTS).format(a=high, b=low) for _ in range(2))
