from django.core.management.base import BaseCommand

from core.generated import clean


class Command(BaseCommand):
    help = (
        "Delete the PDF and Word files made in the background that nobody needs any more (untouched for "
        "GENERATED_FILE_KEEP_DAYS, or replaced by a newer file of the same report a day ago), and mark as failed any "
        "file whose worker stopped half-way, so its page offers Try again. Run it hourly."
    )

    def handle(self, *args, **options):
        deleted, stuck = clean()
        self.stdout.write(self.style.SUCCESS(f"Generated files: {deleted} deleted, {stuck} marked as failed."))
