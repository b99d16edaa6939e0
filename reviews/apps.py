from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Case reviews and CDOP"

    def ready(self):
        from . import signals  # noqa: F401  (connects the bank holiday receivers)
        from .action_sources import register_action_sources
        from .paper import register_paper_sections
        from .roles import register_review_roles

        register_review_roles()
        # objectives never imports reviews: the report and the action page learn of reviews from here.
        register_paper_sections()
        register_action_sources()
