from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0007_move_review_imports_to_staged_uploads"),
    ]

    operations = [
        migrations.DeleteModel(name="ReviewImport"),
    ]
