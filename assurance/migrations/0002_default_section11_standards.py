"""The default Section 11 framework: one standard for each arrangement statutory guidance expects, and the
built-in "Section 11" rating scale (Fully met, Partially met, Not met).

Followed: Working Together to Safeguard Children 2023 (December 2023, updated February 2024), its list of the
arrangements organisations under Section 11 of the Children Act 2004 should have in place ("Organisational
responsibilities", the eleven arrangements listed at chapter 2, paragraph 4 in the 2018 edition, carried into
the 2023 edition and its statutory framework). The paragraph number in the 2023 text was not confirmed here:
a board checks the wording against its copy and edits its standards in the admin. The titles and descriptions
are our own words. A board's own standards are added in the admin; these are only the starting set.
"""

from django.db import migrations

SCALE_NAME = "section-11"

STANDARDS = [
    (
        "Clear accountability",
        "A clear line of accountability for commissioning and providing services that safeguard and promote "
        "children's welfare.",
    ),
    (
        "Senior leadership",
        "A senior lead, at board level or equivalent, with the knowledge and experience to take leadership "
        "responsibility for the organisation's safeguarding arrangements.",
    ),
    (
        "Listening to children",
        "A culture of listening to children and taking account of their wishes and feelings, both in decisions "
        "about individual children and in developing services.",
    ),
    (
        "Whistleblowing",
        "Clear whistleblowing procedures, reflected in staff training and codes of conduct, and a culture in "
        "which safeguarding concerns can be raised and dealt with.",
    ),
    (
        "Escalation",
        "Clear escalation policies for staff to follow when concerns about a child are not being addressed, "
        "within the organisation or by other agencies.",
    ),
    (
        "Information sharing",
        "Arrangements that set out clearly how information is shared with other practitioners and with the "
        "safeguarding partners.",
    ),
    (
        "Designated safeguarding lead",
        "A designated practitioner for child safeguarding (for health, designated and named practitioners), "
        "whose role is set out in their job description.",
    ),
    (
        "Safer recruitment",
        "Safe recruitment and ongoing safe working practices for everyone the organisation allows to work "
        "regularly with children, including when to obtain a criminal record check.",
    ),
    (
        "Supervision and training",
        "Supervision and support for staff, including safeguarding training: an induction that covers child "
        "protection, competence checked by the employer, and regular reviews of practice.",
    ),
    (
        "Culture of safety",
        "A culture of safety, equality and protection within the services the organisation provides.",
    ),
    (
        "Allegations against staff",
        "Clear policies, in line with the safeguarding partners', for dealing with allegations against people "
        "who work with children, including referral to the local authority designated officer.",
    ),
]

# Code, label, meaning, colour, text colour, rank, counts as complete, is an exception.
# The colours are RAG's, whose contrast with their text passes core.contrast's check.
LEVELS = [
    ("met", "Fully met", "the arrangement is in place and working", "00703C", "FFFFFF", 3, True, False),
    ("partly_met", "Partially met", "in place in part, or not yet shown to work", "FFBF47", "1A1A1A", 2, False, False),
    ("not_met", "Not met", "not in place; the board should look at it", "B4232A", "FFFFFF", 1, False, True),
]


def add_framework(apps, schema_editor):
    Standard = apps.get_model("assurance", "Standard")
    RatingScale = apps.get_model("core", "RatingScale")
    RatingLevel = apps.get_model("core", "RatingLevel")
    for number, (title, description) in enumerate(STANDARDS, start=1):
        Standard.objects.get_or_create(number=number, defaults={"title": title, "description": description})
    scale, created = RatingScale.objects.get_or_create(
        name=SCALE_NAME, defaults={"title": "Section 11: Fully met, Partially met, Not met", "is_built_in": True}
    )
    if not created:
        return
    for position, (code, label, meaning, fill, text, rank, complete, exception) in enumerate(LEVELS, start=1):
        RatingLevel.objects.create(
            scale=scale,
            position=position,
            code=code,
            label=label,
            description=meaning,
            fill=fill,
            text=text,
            rank=rank,
            counts_as_complete=complete,
            is_exception=exception,
        )


def remove_framework(apps, schema_editor):
    Standard = apps.get_model("assurance", "Standard")
    RatingScale = apps.get_model("core", "RatingScale")
    titles = [title for title, _description in STANDARDS]
    Standard.objects.filter(number__lte=len(STANDARDS), title__in=titles, assessments__isnull=True).delete()
    RatingScale.objects.filter(name=SCALE_NAME, is_built_in=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("assurance", "0001_section11_case_audits_and_recommendations"),
        ("core", "0002_rating_scales"),
    ]

    operations = [migrations.RunPython(add_framework, remove_framework)]
