from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from core.formats import financial_year_named, plural
from objectives.management.plan_option import iso_date
from objectives.models import BusinessPlan
from objectives.services.rollover import actions_to_carry, roll_over_plan


class Command(BaseCommand):
    help = (
        "Start next year's business plan from this year's, as the plan page's “Start next year's plan from this "
        "one” does: the aims, objectives and every open action, each linked to the action it continues; no "
        "progress rounds. Run it once each spring; run again, it refuses, as the new plan's title is taken."
    )

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="source", required=True, help='The plan to carry over, such as "2025/26".')
        parser.add_argument("--to", dest="title", required=True, help='The new plan\'s title, such as "2026/27".')
        parser.add_argument("--starts", type=iso_date, help="The new plan's start date, if its title has no years.")
        parser.add_argument("--ends", type=iso_date, help="The new plan's end date, if its title has no years.")
        parser.add_argument("--dry-run", action="store_true", help="Say what would be carried over, writing nothing.")

    def handle(self, *args, source, title, starts, ends, dry_run, **options):
        plan = BusinessPlan.objects.filter(title=source.strip()).first()
        if plan is None:
            raise CommandError(f"There is no business plan “{source}”.")
        years = financial_year_named(title) or (None, None)
        starts, ends = starts or years[0], ends or years[1]
        if not (starts and ends):
            raise CommandError(f"“{title}” does not name a financial year such as 2026/27; give --starts and --ends.")
        arguments = {"source": plan, "title": title, "starts_on": starts, "ends_on": ends}
        try:
            # The dry run checks and lists exactly what the real run would carry.
            carried = actions_to_carry(**arguments) if dry_run else roll_over_plan(**arguments, by=None).actions.all()
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        counted = plural(len(carried), "open action")
        if dry_run:
            self.stdout.write(f"Dry run: {title} would carry over {counted} from {plan.title}; nothing was written.")
        else:
            self.stdout.write(f"Business plan {title} started from {plan.title} with {counted} carried over.")
