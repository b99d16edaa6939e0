from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


def _sync_roles_after_migrate(sender, **kwargs):
    # Permissions only exist once migrate has created them for every app (other apps add roles
    # and permissions too), so the roles follow the last app's post_migrate, and every test
    # database flush, rather than a migration.
    apps_with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if sender is not apps_with_models[-1]:
        return
    from .roles import sync_roles

    sync_roles()


class ObjectivesConfig(AppConfig):
    name = "objectives"
    verbose_name = "Business plan"

    def ready(self):
        post_migrate.connect(_sync_roles_after_migrate, dispatch_uid="objectives_sync_roles")
