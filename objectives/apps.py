from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_roles_after_migrate(sender, **kwargs):
    # Permissions only exist once migrate has created them, so the roles follow every migrate
    # (and every test database flush), not a migration.
    from .roles import sync_roles

    sync_roles()


class ObjectivesConfig(AppConfig):
    name = "objectives"
    verbose_name = "Business plan"

    def ready(self):
        post_migrate.connect(_sync_roles_after_migrate, sender=self)
