from django.apps import AppConfig


class AssuranceConfig(AppConfig):
    name = "assurance"
    verbose_name = "Assurance"

    def ready(self):
        from .action_sources import register_action_sources

        # objectives never imports assurance: the action page learns here where improvement and
        # recommendation actions come from ("From: Section 11 2025/26, standard 5").
        register_action_sources()
