from datetime import date

from django.core.management.base import BaseCommand, CommandError

from core.formats import plural
from mscb.demo import people
from mscb.demo.loader import demo_day, load_demo
from mscb.demo.public import make_demo_public

DEMO_URL = "http://127.0.0.1:8000/"


class Command(BaseCommand):
    help = (
        "Load the fictional Eastmere board's demo data: agencies, the business plan for the financial year containing "
        "today with its progress rounds around today, a scrutiny review's recommendations and a sub-group's plan by "
        "priority, and demo users. Run it after `migrate` on a new database; running it again creates only what is "
        "missing and changes nothing else."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            help="The day to tell the demo as at, as YYYY-MM-DD (default: the day it was first loaded, or today).",
        )

    def handle(self, *args, **options):
        today = options.get("today")
        if isinstance(today, str):
            try:
                today = date.fromisoformat(today)
            except ValueError as error:
                raise CommandError(f"--today {today!r} is not a date: write it as 2026-12-03.") from error
        created = load_demo(today=today)
        if created:
            counts = ", ".join(
                plural(count, str(model._meta.verbose_name), str(model._meta.verbose_name_plural))
                for model, count in created.items()
            )
            self.stdout.write(self.style.SUCCESS(f"Demo data loaded: created {counts}."))
        else:
            self.stdout.write("Demo data already loaded: nothing to create.")
        # Apart from load_demo(), which tests run often: publishing lays out a PDF.
        made_public = make_demo_public(demo_day(today))
        if made_public:
            self.stdout.write(f"Published {made_public.title} and put it on the public pages (/public/).")
        # `make run` loads the demo and then starts the server itself, so the output tells no one to start it.
        self.stdout.write(f"Sign in at {DEMO_URL} (or the port given as `make run PORT=…`) as one of:")
        for spec in people.USERS:
            self.stdout.write(f"  {spec['username']:<16} {spec['first_name']} {spec['last_name']}, {spec['role']}")
        self.stdout.write(f'with the password "{people.PASSWORD}" (set when each user was first created).')
