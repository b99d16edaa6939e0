from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from objectives.exporting import WRITERS
from objectives.management.plan_option import add_plan_argument
from objectives.models import BusinessPlan


class Command(BaseCommand):
    help = (
        "Export a business plan with its accepted progress to .xlsx or .csv, in the columns import_plan reads, "
        "so the file can be edited and imported again."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The file to write, ending in .xlsx or .csv.")
        add_plan_argument(parser)

    def handle(self, *args, file, plan, **options):
        writer = WRITERS.get(file.suffix.lower().removeprefix("."))
        if writer is None:
            raise CommandError(f"{file.name} must end in .xlsx or .csv.")
        business_plan = BusinessPlan.objects.filter(title=plan.strip()).first()
        if business_plan is None:
            raise CommandError(f"There is no business plan “{plan}”.")
        try:
            file.write_bytes(writer(business_plan))
        except OSError as error:
            raise CommandError(f"Cannot write {file}: {error.strerror}.") from None
        self.stdout.write(f"{business_plan} written to {file}.")
