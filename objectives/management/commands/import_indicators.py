from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError

from core.commands import file_problems
from objectives.importing.indicators import apply_indicator_changes, check_indicator_rows
from objectives.management.spreadsheet_file import rows_of


class Command(BaseCommand):
    help = (
        "Import performance indicators' values from a .csv or .xlsx file with the columns plan, objective, "
        "indicator, unit, period_end, value, target (and period: month, quarter, year or part-year). "
        "All or nothing: a file with any bad row changes nothing. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The .csv (UTF-8) or .xlsx file.")
        parser.add_argument("--dry-run", action="store_true", help="Check the file and say what would change.")

    def handle(self, *args, file, dry_run, **options):
        rows = rows_of(file)
        changes = check_indicator_rows(rows)
        if changes.errors:
            raise file_problems(file.name, changes.errors)
        if not dry_run:
            try:
                apply_indicator_changes(changes, reason=f"Imported from {file.name}")
            except (ValidationError, IntegrityError) as error:
                raise CommandError(
                    f"The indicators changed during the import, so nothing was imported: {error}"
                ) from None
        self.stdout.write(f"{'Dry run: nothing was saved. Would make' if dry_run else 'Imported'}: {changes.summary}.")
        for change in changes.changed_values:
            self.stdout.write(f"Changed {change.description}")
