from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from audit.services import purge_security_log
from core.commands import parse_day


class Command(BaseCommand):
    help = (
        "Delete security log entries older than SECURITY_LOG_RETENTION_DAYS (default 730). Run it daily beside "
        "apply_retention; running it again the same day deletes nothing more."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Act as if today were this day, YYYY-MM-DD (for testing or catching up).")

    def handle(self, *args, **options):
        today = parse_day(options["today"], "--today") if options["today"] else timezone.localdate()
        deleted = purge_security_log(today=today)
        days = settings.SECURITY_LOG_RETENTION_DAYS
        self.stdout.write(
            self.style.SUCCESS(f"Security log on {today.isoformat()}: {deleted} older than {days} days deleted.")
        )
