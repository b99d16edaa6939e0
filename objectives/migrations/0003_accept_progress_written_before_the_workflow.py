from django.db import migrations


def accept_existing_progress(apps, schema_editor):
    """Progress written before the workflow was the board manager's own: it was already reported."""
    ProgressUpdate = apps.get_model("objectives", "ProgressUpdate")
    for update in ProgressUpdate.objects.filter(state="draft"):
        update.state = "accepted"
        update.save(update_fields=["state"])


class Migration(migrations.Migration):
    dependencies = [("objectives", "0002_add_agency_workflow_and_soft_delete")]

    operations = [migrations.RunPython(accept_existing_progress, migrations.RunPython.noop)]
