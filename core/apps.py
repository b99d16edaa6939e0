from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The shared layer under every feature app: it imports none of them."""

    name = "core"
    verbose_name = "Shared layer"
