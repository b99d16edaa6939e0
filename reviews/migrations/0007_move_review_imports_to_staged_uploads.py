"""Move the review uploads waiting for (or past) confirmation into the shared StagedUpload table, and back."""

from django.db import migrations

# reviews.views.imports.UPLOAD_KIND when this was written; a migration keeps its own copy.
KIND = "review_actions"
FIELDS = ("token", "uploaded_by_id", "uploaded_at", "file_name", "content", "applied_at")


def forwards(apps, schema_editor):
    ReviewImport = apps.get_model("reviews", "ReviewImport")
    StagedUpload = apps.get_model("core", "StagedUpload")
    for review_import in ReviewImport.objects.order_by("pk").iterator():
        values = {name: getattr(review_import, name) for name in FIELDS}
        upload = StagedUpload.objects.create(kind=KIND, target_id=review_import.review_id, **values)
        # auto_now_add set the time of this migration; keep the upload's own.
        StagedUpload.objects.filter(pk=upload.pk).update(uploaded_at=review_import.uploaded_at)


def backwards(apps, schema_editor):
    Review = apps.get_model("reviews", "Review")
    ReviewImport = apps.get_model("reviews", "ReviewImport")
    StagedUpload = apps.get_model("core", "StagedUpload")
    uploads = StagedUpload.objects.filter(kind=KIND)
    # An upload for a review deleted since has nowhere to go back to, as the old table's review could not be empty.
    reviews = set(Review.objects.values_list("pk", flat=True))
    for upload in uploads.filter(target_id__in=reviews).order_by("pk").iterator():
        values = {name: getattr(upload, name) for name in FIELDS}
        review_import = ReviewImport.objects.create(review_id=upload.target_id, **values)
        ReviewImport.objects.filter(pk=review_import.pk).update(uploaded_at=upload.uploaded_at)
    uploads.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0006_name_the_cdop_figure"),
        ("core", "0001_add_staged_upload"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
