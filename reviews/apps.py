from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Case reviews and CDOP"

    def ready(self):
        from .roles import register_review_roles

        register_review_roles()
