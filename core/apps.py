from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    """The shared layer under every feature app: it imports none of them."""

    name = "core"
    verbose_name = "Shared layer"

    def ready(self):
        from .content_version import install_after_migrate

        post_migrate.connect(install_after_migrate, sender=self)
