from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Case reviews and CDOP"

    def ready(self):
        from . import signals  # noqa: F401  (connects the bank holiday receivers)
        from .action_sources import register_action_sources
        from .carry_over import register_carry_over

        # objectives never imports reviews: the action page learns where review actions come from here.
        # The paper's sections and the roles' grants are mscb's to declare.
        register_action_sources()
        # And a review's or the panel's action carried into next year's plan keeps its recommendation or year.
        register_carry_over()
