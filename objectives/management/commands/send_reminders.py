from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core.commands import parse_base_url, parse_day
from core.formats import long_date, plural
from objectives.services import reminders


class Command(BaseCommand):
    help = (
        "E-mail agency contributors whose actions still lack a submitted update in an open progress round: "
        "REMINDER_DAYS_BEFORE_DEADLINE days before the deadline and again from the day after it, never twice "
        "for the same reason. Run it daily from cron or a systemd timer; running it again sends nothing new."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Act as if today were this day, YYYY-MM-DD (for testing or catching up).")
        parser.add_argument(
            "--base-url",
            default=reminders.DEFAULT_BASE_URL,
            help=f"The site's address, for the links in the e-mails (default {reminders.DEFAULT_BASE_URL}).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Say who would be e-mailed, and send nothing.")

    def handle(self, *args, **options):
        today = parse_day(options["date"]) if options["date"] else timezone.localdate()
        base_url = parse_base_url(options["base_url"])
        run = reminders.send_due_reminders(today=today, base_url=base_url, dry_run=options["dry_run"])
        rounds = len({reminder.progress_round.pk for reminder in run.sent})
        verb = "Would send" if options["dry_run"] else "Sent"
        self.stdout.write(
            f"{verb} {plural(len(run.sent), 'reminder e-mail')} about {plural(rounds, 'progress round')} "
            f"on {long_date(today)}."
        )
        if run.failed:
            addresses = ", ".join(reminder.user.email for reminder in run.failed)
            raise CommandError(f"Could not send {plural(len(run.failed), 'reminder')}, to {addresses}; run again.")
