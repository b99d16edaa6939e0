from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core.commands import parse_base_url, parse_day
from core.formats import long_date, plural
from training import selectors, services

Kind = services.Kind


class Command(BaseCommand):
    help = (
        "E-mail attendees their personal evaluation links: the after-session form from the day after a session, "
        "the follow-up form from 90 days after it, each while a link would still be worth sending "
        "(TRAINING_EVALUATION_LINK_DAYS). Each form goes once per attendee. Run it daily; running it again sends "
        "nothing new."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url", required=True, help="The site's address, for the links, e.g. https://scp.example.org."
        )
        parser.add_argument("--date", help="Act as if today were this day, YYYY-MM-DD (for testing or catching up).")

    def handle(self, *args, **options):
        today = parse_day(options["date"]) if options["date"] else timezone.localdate()
        base_url = parse_base_url(options["base_url"])
        sent = {Kind.AFTER_SESSION: 0, Kind.FOLLOW_UP: 0}
        sessions, failed = 0, []
        for kind in sent:
            for session in selectors.sessions_due(kind=kind, today=today):
                result = services.send_links(session=session, kind=kind, base_url=base_url)
                sessions += 1
                sent[kind] += len(result.sent)
                failed += result.failed
        self.stdout.write(
            f"Sent {plural(sent[Kind.AFTER_SESSION], 'after-session link')} and "
            f"{plural(sent[Kind.FOLLOW_UP], 'follow-up link')} for {plural(sessions, 'session')} "
            f"on {long_date(today)}."
        )
        if failed:
            addresses = ", ".join(registration.email for registration in failed)
            raise CommandError(f"Could not send {plural(len(failed), 'link')}, to {addresses}; run again.")
