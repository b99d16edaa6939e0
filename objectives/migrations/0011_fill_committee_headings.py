"""The usual numbered headings of a council committee report, as the board's covering report template.

The recommendations come early, as a council report puts what the committee is asked to decide before the
reasons; the board manager edits the list on the template headings page.
"""

from django.db import migrations

HEADINGS = (
    "Recommendations",
    "Budget and policy framework",
    "Background",
    "Risk management",
    "Consultation",
    "Implications for looked-after children",
    "Financial implications",
    "Legal implications",
    "Lead officer contact",
    "Background papers",
)


def fill(apps, schema_editor):
    """Seed the template once: a board that has headings of its own keeps them (tests/conftest.py re-runs this)."""
    heading_model = apps.get_model("objectives", "CommitteeHeading")
    if heading_model.objects.exists():
        return
    for position, heading in enumerate(HEADINGS, start=1):
        heading_model.objects.create(position=position, heading=heading)


class Migration(migrations.Migration):
    dependencies = [("objectives", "0010_covering_reports")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
