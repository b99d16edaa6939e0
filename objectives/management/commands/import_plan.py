from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError

from core.commands import file_problems
from objectives.importing.applying import apply_changes
from objectives.importing.checking import check_rows
from objectives.importing.plans import PlanProblem, find_or_build_plan
from objectives.importing.readers import FileProblem, read_rows
from objectives.management.plan_option import add_plan_argument, iso_date
from objectives.models import Agency, PlanShape


class Command(BaseCommand):
    help = (
        "Import a business plan from a .csv or .xlsx file with one row per action (and round of progress), "
        "or from a .docx laid out as the plan's shape (Aim paragraphs then a table per objective; Priority "
        "headings then a table of actions; or one numbered table). "
        "--scale and --shape say how a plan the import creates is rated and laid out. "
        "All or nothing: a file with any bad row changes nothing. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The .csv (UTF-8), .xlsx or .docx file.")
        add_plan_argument(parser)
        parser.add_argument("--dry-run", action="store_true", help="Check the file and say what would change.")
        parser.add_argument("--starts", type=iso_date, help="A new plan's start date, if its title has no years.")
        parser.add_argument("--ends", type=iso_date, help="A new plan's end date, if its title has no years.")
        parser.add_argument(
            "--scale",
            default="",
            help="A new plan's rating scale: rag (the default), brag, four-point, none, or a scale the board made. "
            "For an existing plan it must be the plan's own.",
        )
        parser.add_argument(
            "--shape",
            default="",
            choices=PlanShape.values,
            help="A new plan's shape: tree (aims, objectives, actions; the default), two-level (priorities and "
            "actions) or list (a numbered list). For an existing plan it must be the plan's own.",
        )

    def handle(self, *args, file, plan, dry_run, starts, ends, scale, shape, **options):
        try:
            business_plan = find_or_build_plan(plan, starts_on=starts, ends_on=ends, scale=scale, shape=shape)
            with file.open("rb") as handle:
                rows = read_rows(handle, file.name, shape=business_plan.shape)
        except OSError as error:
            raise CommandError(f"Cannot open {file}: {error.strerror}.") from None
        except (FileProblem, PlanProblem) as error:
            raise CommandError(str(error)) from None

        changes = check_rows(rows, plan=business_plan)
        if changes.errors:
            raise file_problems(file.name, changes.errors)
        if not dry_run:
            try:
                apply_changes(changes, reason=f"Imported from {file.name}")
            except (ValidationError, IntegrityError) as error:
                raise CommandError(f"The plan changed during the import, so nothing was imported: {error}") from None
        self._summarise(changes, dry_run)

    def _summarise(self, changes, dry_run):
        created_word, updated_word = ("to create", "to update") if dry_run else ("created", "updated")
        if dry_run:
            self.stdout.write("Dry run: nothing was saved. The import would make these changes.")
        state = ("would be created" if dry_run else "created") if changes.plan_is_new else "already there"
        self.stdout.write(f"{changes.plan}: {state}.")
        for change in changes.of(Agency):
            self.stdout.write(f"{'Would create' if dry_run else 'Created'} agency: {change.instance.name}")
        for label, created, updated in changes.summary():
            self.stdout.write(f"{label}: {created} {created_word}, {updated} {updated_word}.")
