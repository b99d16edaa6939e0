from django.core.management.base import BaseCommand, CommandError

from core.formats import plural
from objectives.notifications import digest


class Command(BaseCommand):
    help = (
        "E-mail each person who chose a daily digest the items gathered since their last one, grouped by kind. "
        "Run it once a day from cron or a systemd timer; running it again sends nothing new."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Say how many digests would go, and send nothing.")

    def handle(self, *args, **options):
        run = digest.send_digests(dry_run=options["dry_run"])
        verb = "Would send" if options["dry_run"] else "Sent"
        self.stdout.write(f"{verb} {plural(len(run.sent), 'digest')} holding {plural(run.items, 'item')}.")
        if run.failed:
            addresses = ", ".join(person.email for person in run.failed)
            raise CommandError(f"Could not send {plural(len(run.failed), 'digest')}, to {addresses}; run again.")
