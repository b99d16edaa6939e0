"""Give every existing person a first history row, so their first change afterwards shows what it changed."""

from django.conf import settings
from django.db import migrations
from django.utils import timezone

# The fields the people history keeps (mscb.models leaves out the password and the last sign-in).
KEPT = ["id", "username", "first_name", "last_name", "email", "is_staff", "is_active", "is_superuser", "date_joined"]


def record_existing_people(apps, schema_editor):
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    history = apps.get_model("mscb", "HistoricalUser")
    groups_history = apps.get_model("mscb", "HistoricalUser_groups")
    recorded = set(history.objects.values_list("id", flat=True))
    now = timezone.now()
    memberships = user_model.groups.through.objects
    for person in user_model.objects.exclude(pk__in=recorded):
        row = history.objects.create(
            **{name: getattr(person, name) for name in KEPT},
            history_date=now,
            history_type="+",
            history_change_reason="History started",
        )
        groups_history.objects.bulk_create(
            [
                groups_history(id=membership.pk, history=row, user_id=person.pk, group_id=membership.group_id)
                for membership in memberships.filter(user_id=person.pk)
            ]
        )


class Migration(migrations.Migration):
    dependencies = [("mscb", "0001_add_user_history")]

    operations = [migrations.RunPython(record_existing_people, migrations.RunPython.noop)]
