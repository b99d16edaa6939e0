from django.core.management.base import BaseCommand

from objectives.roles import sync_roles


class Command(BaseCommand):
    help = "Create the roles (board managers, agency contributors, readers) with their permissions. Safe to re-run."

    def handle(self, *args, **options):
        roles = sync_roles()
        self.stdout.write(f"Roles up to date: {', '.join(roles)}.")
