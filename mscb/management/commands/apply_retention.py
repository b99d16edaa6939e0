from django.core.management.base import BaseCommand
from django.utils import timezone

from core.commands import parse_day
from mscb.retention.services import apply_retention


class Command(BaseCommand):
    help = (
        "Remove what is past the board's retention periods (set on the Retention page): uploaded files, published "
        "reports, and training attendees' names and e-mail addresses, which are anonymised. Logs each kind removed. "
        "Run it daily; running it again the same day removes nothing more."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Act as if today were this day, YYYY-MM-DD (for testing or catching up).")
        parser.add_argument("--dry-run", action="store_true", help="Say what would be removed, and remove nothing.")

    def handle(self, *args, **options):
        today = parse_day(options["today"], "--today") if options["today"] else timezone.localdate()
        dry_run = options["dry_run"]
        outcomes = apply_retention(today=today, dry_run=dry_run)
        verb = "would be removed" if dry_run else "removed"
        done = "due to be {}" if dry_run else "{}"
        for outcome in outcomes:
            self.stdout.write(f"{outcome.rule.kind}: {outcome.count} {done.format(outcome.rule.removes)}")
        total = sum(outcome.count for outcome in outcomes)
        note = " (dry run: nothing was removed)" if dry_run else ""
        self.stdout.write(self.style.SUCCESS(f"Retention on {today.isoformat()}: {total} {verb}{note}."))
