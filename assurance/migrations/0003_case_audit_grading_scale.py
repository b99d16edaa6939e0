"""A built-in grading scale for case audits, in the words inspectors use: Outstanding to Inadequate."""

from django.db import migrations

NAME = "case-audit"
TITLE = "Case audit: Outstanding, Good, Requires improvement, Inadequate"
# (code, label, meaning, fill, text, rank): colours as the RAG scale's, so a grade reads the same everywhere.
LEVELS = (
    ("outstanding", "Outstanding", "practice that others could learn from", "1D70B8", "FFFFFF", 4),
    ("good", "Good", "the child's needs were met well", "00703C", "FFFFFF", 3),
    ("requires_improvement", "Requires improvement", "some needs were not met well enough", "FFBF47", "1A1A1A", 2),
    ("inadequate", "Inadequate", "the child was not kept safe enough", "B4232A", "FFFFFF", 1),
)


def fill(apps, schema_editor):
    """Add the scale unless it is there already, so running it again changes nothing."""
    RatingScale = apps.get_model("core", "RatingScale")
    RatingLevel = apps.get_model("core", "RatingLevel")
    scale, created = RatingScale.objects.get_or_create(name=NAME, defaults={"title": TITLE, "is_built_in": True})
    if not created:
        return
    for position, (code, label, meaning, fill_colour, text, rank) in enumerate(LEVELS, start=1):
        RatingLevel.objects.create(
            scale=scale,
            position=position,
            code=code,
            label=label,
            description=meaning,
            fill=fill_colour,
            text=text,
            rank=rank,
            is_exception=code == "inadequate",
        )


def remove(apps, schema_editor):
    # Only while no audit grades on it; an audit's scale is protected, so a used scale stops the reverse.
    apps.get_model("core", "RatingScale").objects.filter(name=NAME, is_built_in=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("assurance", "0002_default_section11_standards"),
        ("core", "0002_rating_scales"),
    ]

    operations = [migrations.RunPython(fill, remove)]
