from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Case reviews and CDOP"

    def ready(self):
        from . import signals  # noqa: F401  (connects the bank holiday receivers)
        from .action_sources import register_action_sources

        # objectives never imports reviews: the action page learns where review actions come from here.
        # The paper's sections and the roles' grants are mscb's to declare.
        register_action_sources()
