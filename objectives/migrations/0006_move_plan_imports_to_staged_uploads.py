"""Move the plan uploads waiting for (or past) confirmation into the shared StagedUpload table, and back."""

from django.db import migrations

# objectives.views.imports.UPLOAD_KIND when this was written; a migration keeps its own copy.
KIND = "plan"
FIELDS = ("token", "uploaded_by_id", "uploaded_at", "file_name", "content", "applied_at")


def forwards(apps, schema_editor):
    PlanImport = apps.get_model("objectives", "PlanImport")
    StagedUpload = apps.get_model("core", "StagedUpload")
    for plan_import in PlanImport.objects.order_by("pk").iterator():
        values = {name: getattr(plan_import, name) for name in FIELDS}
        upload = StagedUpload.objects.create(kind=KIND, target_name=plan_import.plan_title, **values)
        # auto_now_add set the time of this migration; keep the upload's own.
        StagedUpload.objects.filter(pk=upload.pk).update(uploaded_at=plan_import.uploaded_at)


def backwards(apps, schema_editor):
    PlanImport = apps.get_model("objectives", "PlanImport")
    StagedUpload = apps.get_model("core", "StagedUpload")
    for upload in StagedUpload.objects.filter(kind=KIND).order_by("pk").iterator():
        values = {name: getattr(upload, name) for name in FIELDS}
        plan_import = PlanImport.objects.create(plan_title=upload.target_name[:100], **values)
        PlanImport.objects.filter(pk=plan_import.pk).update(uploaded_at=upload.uploaded_at)
    StagedUpload.objects.filter(kind=KIND).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("objectives", "0005_allow_prefixed_refs"),
        ("core", "0001_add_staged_upload"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
