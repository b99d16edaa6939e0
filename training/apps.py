from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = "Multi-agency training"

    def ready(self):
        from objectives.paper import sections

        from .paper import SECTION
        from .roles import register_training_roles

        register_training_roles()
        # The committee paper gains a "Training" section after the objectives; objectives never imports training.
        sections.register(SECTION)
