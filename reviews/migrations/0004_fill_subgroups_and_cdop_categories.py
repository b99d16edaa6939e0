"""The usual subgroups of a board, and the national child death categories the panel counts by.

The admin may rename, add or retire them; this only gives a new board somewhere to start.
"""

from django.db import migrations

SUBGROUPS = [
    "Quality assurance and case review",
    "Learning and development",
    "Child death overview panel",
    "Child sexual exploitation and trafficking",
]

CDOP_CATEGORIES = [
    "Deliberately inflicted injury, abuse or neglect",
    "Suicide or deliberate self-inflicted harm",
    "Trauma and other external factors",
    "Malignancy",
    "Acute medical or surgical condition",
    "Chronic medical condition",
    "Chromosomal, genetic and congenital anomalies",
    "Perinatal or neonatal event",
    "Infection",
    "Sudden unexpected, unexplained death",
]


def fill(apps, schema_editor):
    Subgroup = apps.get_model("reviews", "Subgroup")
    CdopCategory = apps.get_model("reviews", "CdopCategory")
    for name in SUBGROUPS:
        Subgroup.objects.get_or_create(name=name)
    for position, name in enumerate(CDOP_CATEGORIES, start=1):
        CdopCategory.objects.get_or_create(name=name, defaults={"position": position})


def empty(apps, schema_editor):
    apps.get_model("reviews", "Subgroup").objects.filter(name__in=SUBGROUPS, reviews__isnull=True).delete()
    apps.get_model("reviews", "CdopCategory").objects.filter(name__in=CDOP_CATEGORIES, figures__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("reviews", "0003_cases_recommendations_and_cdop")]

    operations = [migrations.RunPython(fill, empty)]
