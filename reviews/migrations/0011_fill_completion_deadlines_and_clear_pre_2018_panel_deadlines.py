"""Existing reviews: the completion deadline is their own due date, and no review begun before the national panel
existed (29 June 2018) keeps a panel or rapid review deadline."""

from datetime import date

from django.db import migrations
from django.db.models import F

# Working Together 2018's duty to notify the national panel began on this day (reviews.guidance).
NATIONAL_PANEL_FROM = date(2018, 6, 29)


def fill(apps, schema_editor):
    Review = apps.get_model("reviews", "Review")
    Review.objects.update(completion_due_on=F("due_on"))
    Review.objects.filter(incident_notified_on__lt=NATIONAL_PANEL_FROM).update(
        panel_due_on=None, rapid_review_due_on=None
    )


class Migration(migrations.Migration):
    dependencies = [("reviews", "0010_date_the_decision_and_closing_of_a_review")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
