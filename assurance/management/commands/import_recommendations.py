from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError

from assurance.register_import import COLUMNS, apply_recommendation_import, check_recommendation_rows
from core.commands import file_problems
from objectives.management.spreadsheet_file import rows_of


class Command(BaseCommand):
    help = (
        "Import recommendations from inspections, reviews and audits into the register from a .csv or .xlsx file "
        f"with the columns {', '.join(COLUMNS)}. All or nothing: a file with any bad row adds nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The .csv (UTF-8) or .xlsx file.")
        parser.add_argument("--dry-run", action="store_true", help="Check the file and say what would be added.")

    def handle(self, *args, file, dry_run, **options):
        rows = rows_of(file)
        changes = check_recommendation_rows(rows)
        if changes.errors:
            raise file_problems(file.name, changes.errors)
        if not dry_run:
            try:
                apply_recommendation_import(changes)
            except (ValidationError, IntegrityError) as error:
                raise CommandError(
                    f"The register changed during the import, so nothing was imported: {error}"
                ) from None
        self.stdout.write(f"{'Dry run: nothing was saved. Would add' if dry_run else 'Imported'}: {changes.summary}.")
