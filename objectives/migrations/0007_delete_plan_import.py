from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("objectives", "0006_move_plan_imports_to_staged_uploads"),
    ]

    operations = [
        migrations.DeleteModel(name="PlanImport"),
    ]
