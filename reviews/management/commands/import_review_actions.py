from argparse import RawDescriptionHelpFormatter
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, DjangoHelpFormatter
from django.db import IntegrityError

from core.commands import file_problems
from reviews.importing.applying import import_rows
from reviews.importing.checking import describe_action
from reviews.importing.columns import describe
from reviews.importing.reading import FileProblem, read_review_file
from reviews.models import Review


def find_review(name: str) -> Review:
    """The review with this anonymised name, ignoring case, or a CommandError naming the reviews there are."""
    name = name.strip()
    matches = list(Review.objects.filter(name__iexact=name))
    exact = [review for review in matches if review.name == name]
    if len(matches) == 1 or len(exact) == 1:
        return exact[0] if exact else matches[0]
    if matches:
        names = ", ".join(f"“{review.name}”" for review in matches)
        raise CommandError(f"Several reviews are called “{name}” when case is ignored ({names}); write it exactly.")
    names = ", ".join(f"“{review}”" for review in Review.objects.all()) or "none yet"
    raise CommandError(f"There is no review “{name}”. The reviews are: {names}.")


class _HelpFormatter(DjangoHelpFormatter, RawDescriptionHelpFormatter):
    """Keeps the help's line breaks, so the file's columns read as a list."""


class Command(BaseCommand):
    help = (
        "Import a case review's recommendations and actions from a .csv (UTF-8) or .xlsx file\n"
        'with one row per action, such as: import_review_actions actions.xlsx --review "Child S".\n'
        "All or nothing: a file with any bad row changes nothing, and every problem is printed.\n"
        f"Safe to run again.\n\n{describe()}"
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        kwargs.setdefault("formatter_class", _HelpFormatter)
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The .csv (UTF-8) or .xlsx file.")
        parser.add_argument("--review", required=True, help='The review\'s anonymised name, such as "Child S".')
        parser.add_argument("--dry-run", action="store_true", help="Check the file and say what would be added.")

    def handle(self, *args, file, review, dry_run, **options):
        review = find_review(review)
        try:
            with file.open("rb") as handle:
                rows = read_review_file(handle, file.name)
        except OSError as error:
            raise CommandError(f"Cannot open {file}: {error.strerror}.") from None
        except FileProblem as error:
            raise CommandError(str(error)) from None
        try:
            changes = import_rows(rows, review=review, reason=f"Imported from {file.name}", dry_run=dry_run)
        except (ValidationError, IntegrityError) as error:
            raise CommandError(f"The review changed during the import, so nothing was imported: {error}") from None
        if changes.errors:
            raise file_problems(file.name, changes.errors)
        for warning in changes.warnings:
            self.stderr.write(self.style.WARNING(warning))
        if dry_run:
            self.stdout.write("Dry run: nothing was saved.")
        self._list(changes, "Would create" if dry_run else "Created")
        self.stdout.write(f"{review}: {changes.summary()}{' (dry run)' if dry_run else ''}.")

    def _list(self, changes, created):
        for new in changes.new_recommendations:
            self.stdout.write(f"{created} recommendation {new.number}.")
        for added in changes.added_agencies:
            names = ", ".join(agency.name for agency in added.agencies)
            self.stdout.write(f"Recommendation {added.recommendation.number}: added {names}.")
        for action in changes.new_actions:
            self.stdout.write(f"{created} {describe_action(action)}")
        for kept in changes.kept_actions:
            self.stdout.write(f"Already there (row {kept.row}), left as it is: {describe_action(kept)}")
